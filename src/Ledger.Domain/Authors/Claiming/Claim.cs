using Ledger.Domain.Verification;

namespace Ledger.Domain.Authors.Claiming;

public enum ClaimStatus
{
    Pending,
    Approved,

    /// <summary>Requested while another claim was in force; waits for a verifier to resolve the dispute.</summary>
    Disputed,
    Rejected,
    Withdrawn,
    Released,
    Revoked,
}

/// <summary>One claim of a record by one account, in its current state.</summary>
/// <param name="OfferedEvidence">The claimant's latest strong evidence, which an approval carries over.</param>
/// <param name="StrongEvidence">The strong evidence of the approval in force, which the tier reads.</param>
public sealed record Claim(
    Guid Id,
    string Claimant,
    ClaimStatus Status,
    IReadOnlyList<SubmittedEvidence> Evidence,
    StrongEvidence? OfferedEvidence,
    StrongEvidence? StrongEvidence,
    bool Attested,
    DateTimeOffset RequestedAt)
{
    /// <summary>A pending or approved claim is in force; a record has at most one.</summary>
    public bool InForce => Status is ClaimStatus.Pending or ClaimStatus.Approved;
}

public sealed record Dispute(Guid Id, Guid IncumbentClaimId, Guid ChallengerClaimId, bool Open);
