using Ledger.Domain.Authors.Claiming;

namespace Ledger.Domain.Authors;

/// <summary>The claim side of an author record.</summary>
public sealed partial record Author
{
    /// <summary>The pending or approved claim, if any.</summary>
    public Claim? ClaimInForce => Claims.Values.FirstOrDefault(c => c.InForce);

    /// <summary>The account of the claim in force, whose own follow does not count.</summary>
    public string? Claimant => ClaimInForce?.Claimant;

    public bool DisputeOpen => Disputes.Values.Any(d => d.Open);

    public Author Apply(ClaimRequested requested) =>
        this with
        {
            Claims = Claims.SetItem(requested.ClaimId, new Claim(requested.ClaimId, requested.Claimant,
                ClaimInForce is null ? ClaimStatus.Pending : ClaimStatus.Disputed, requested.Evidence,
                requested.OfferedEvidence, null, false, requested.RequestedAt)),
            UpdatedAt = requested.RequestedAt,
        };

    public Author Apply(ClaimEvidenceAdded added) =>
        WithClaim(added.ClaimId,
            c => c with
            {
                Evidence = [.. c.Evidence, added.Evidence],
                OfferedEvidence = added.OfferedEvidence ?? c.OfferedEvidence,
            },
            added.AddedAt);

    public Author Apply(ClaimApproved approved) =>
        WithClaim(approved.ClaimId,
            c => c with { Status = ClaimStatus.Approved, StrongEvidence = approved.StrongEvidence },
            approved.ApprovedAt);

    public Author Apply(ClaimRejected rejected) =>
        WithClaim(rejected.ClaimId, c => c with { Status = ClaimStatus.Rejected }, rejected.RejectedAt);

    public Author Apply(ClaimWithdrawn withdrawn) =>
        WithClaim(withdrawn.ClaimId, c => c with { Status = ClaimStatus.Withdrawn }, withdrawn.WithdrawnAt);

    public Author Apply(ClaimReleased released) =>
        WithClaim(released.ClaimId, c => c with { Status = ClaimStatus.Released }, released.ReleasedAt)
            .WithoutClaimantPreference();

    public Author Apply(ClaimRevoked revoked) =>
        WithClaim(revoked.ClaimId, c => c with { Status = ClaimStatus.Revoked }, revoked.RevokedAt)
            .WithoutClaimantPreference() with
        {
            RevokedAt = RevokedAt.Add(revoked.RevokedAt),
        };

    // An approved claim's end also ends its collaboration choice: the next claimant opts in on its own.
    private Author WithoutClaimantPreference() =>
        CollaborationSetByClaimant
            ? this with
            {
                Details = Details with { OpenToCollaborate = ImportedOpenToCollaborate },
                CollaborationSetByClaimant = false,
            }
            : this;

    public Author Apply(DisputeOpened opened) =>
        this with
        {
            Disputes = Disputes.SetItem(opened.DisputeId,
                new Dispute(opened.DisputeId, opened.IncumbentClaimId, opened.ChallengerClaimId, Open: true)),
            UpdatedAt = opened.OpenedAt,
        };

    public Author Apply(DisputeResolved resolved) =>
        this with
        {
            Disputes = Disputes.SetItem(resolved.DisputeId, Disputes[resolved.DisputeId] with { Open = false }),
            UpdatedAt = resolved.ResolvedAt,
        };

    public Author Apply(AttestationRecorded attested) =>
        WithClaim(attested.ClaimId, c => c with { Attested = true }, attested.AttestedAt);

    public Author Apply(ClaimEvidenceExpired expired) =>
        WithClaim(expired.ClaimId, c => c with { StrongEvidence = null }, expired.ExpiredAt);

    public Author Apply(RevocationPenaltyLapsed lapsed) => this with { UpdatedAt = Later(lapsed.LapsedAt) };

    // An expiry can be recorded after later events, so the record's time never moves back.
    private DateTimeOffset Later(DateTimeOffset at) => at > UpdatedAt ? at : UpdatedAt;

    private Author WithClaim(Guid claimId, Func<Claim, Claim> change, DateTimeOffset at) =>
        this with { Claims = Claims.SetItem(claimId, change(Claims[claimId])), UpdatedAt = Later(at) };
}
