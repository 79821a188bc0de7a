using Ledger.Domain.Authors;
using Ledger.Domain.Authors.Claiming;
using Ledger.Domain.Verification;

namespace Ledger.Api.Authors.Claiming;

/// <summary>One claim in its current state, with the record version after the command.</summary>
public sealed record ClaimResponse(
    Guid ClaimId,
    Guid AuthorId,
    string ExternalId,
    string Claimant,
    string Status,
    IReadOnlyList<SubmittedEvidence> Evidence,
    StrongEvidence? StrongEvidence,
    bool Attested,
    Guid? OpenDisputeId,
    DateTimeOffset RequestedAt,
    long RecordVersion)
{
    public static ClaimResponse From(Author author, Guid claimId, long version)
    {
        var claim = author.Claims[claimId];
        var dispute = author.Disputes.Values.FirstOrDefault(
            d => d.Open && (d.ChallengerClaimId == claimId || d.IncumbentClaimId == claimId));
        return new ClaimResponse(claim.Id, author.Id, author.ExternalId, claim.Claimant,
            claim.Status.ToString().ToLowerInvariant(), claim.Evidence, claim.StrongEvidence, claim.Attested,
            dispute?.Id, claim.RequestedAt, version);
    }

    public static string Location(Author author, Guid claimId) => $"/api/authors/{author.Id}/claims/{claimId}";
}

/// <summary>Request body of a verifier decision on a claim or dispute.</summary>
/// <param name="ExpectedVersion">The record version the verifier read; a stale one gets 409.</param>
public sealed record VerifierDecisionBody(string? Reason, long? ExpectedVersion);
