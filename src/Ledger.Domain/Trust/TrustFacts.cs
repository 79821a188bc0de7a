using Ledger.Domain.Verification;

namespace Ledger.Domain.Trust;

public enum ClaimStanding
{
    Unclaimed,
    Pending,
    Approved,
}

/// <summary>Everything a trust policy reads about a record, folded from its events.</summary>
/// <param name="CountingFollowers">Followers whose follow counts: not suspended, not the claimant.</param>
/// <param name="RevokedAt">Times at which claims of the record were revoked, oldest first.</param>
public sealed record TrustFacts(
    TierFacts Tier,
    ClaimStanding Claim,
    bool DisputeOpen,
    int Works,
    int Topics,
    int CloseCollaborators,
    int CountingFollowers,
    IReadOnlyList<DateTimeOffset> RevokedAt)
{
    public static TrustFacts ForNewRecord(bool hasPersistentIdentifier) =>
        new(TierFacts.Unclaimed(hasPersistentIdentifier), ClaimStanding.Unclaimed, false, 0, 0, 0, 0, []);
}
