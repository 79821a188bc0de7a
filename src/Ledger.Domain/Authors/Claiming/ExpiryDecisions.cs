using Ledger.Domain.Trust;

namespace Ledger.Domain.Authors.Claiming;

/// <summary>
/// Decisions taken when a scheduled time arrives; each appends nothing if it comes too early or too
/// late.
/// </summary>
public static class ExpiryDecisions
{
    /// <summary>Ends the strong evidence of an approved claim once its expiry has passed.</summary>
    public static IReadOnlyList<IAuthorEvent> ExpireEvidence(Author author, Guid claimId, DateTimeOffset now)
    {
        if (!author.Claims.TryGetValue(claimId, out var claim)
            || claim.Status != ClaimStatus.Approved
            || claim.StrongEvidence?.ExpiresAt is not { } expiresAt
            || now < expiresAt)
        {
            return [];
        }

        return [new ClaimEvidenceExpired(author.Id, claimId, claim.StrongEvidence.Kind, expiresAt)];
    }

    /// <summary>
    /// Marks the end of a revocation's trust penalty, so the views evaluate trust again at that
    /// time.
    /// </summary>
    public static IReadOnlyList<IAuthorEvent> LapseRevocationPenalty(Author author, Guid claimId,
        DateTimeOffset revokedAt, DateTimeOffset now)
    {
        var lapsesAt = revokedAt + TrustPolicyV1.RevocationPenaltyWindow;
        if (now < lapsesAt || author.UpdatedAt >= lapsesAt)
        {
            return [];
        }

        return [new RevocationPenaltyLapsed(author.Id, claimId, lapsesAt)];
    }
}
