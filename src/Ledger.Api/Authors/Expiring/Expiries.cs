using Ledger.Domain.Authors;
using Ledger.Domain.Authors.Claiming;
using Ledger.Domain.Trust;
using Wolverine.Marten;

namespace Ledger.Api.Authors.Expiring;

/// <summary>Ends the strong evidence of an approved claim when it expires.</summary>
public sealed record ExpireClaimEvidence(Guid AuthorId, Guid ClaimId);

/// <summary>Ends the trust penalty of a revoked claim, 365 days after the revocation.</summary>
public sealed record LapseRevocationPenalty(Guid AuthorId, Guid ClaimId, DateTimeOffset RevokedAt);

public static class Expiries
{
    /// <summary>Lists the durable scheduled messages that appended events start, with their due times.</summary>
    public static IEnumerable<(object Message, DateTimeOffset At)> For(IEnumerable<IAuthorEvent> events)
    {
        foreach (var e in events)
        {
            if (e is ClaimApproved { StrongEvidence.ExpiresAt: { } expiresAt } approved)
            {
                yield return (new ExpireClaimEvidence(approved.AuthorId, approved.ClaimId), expiresAt);
            }
            else if (e is ClaimRevoked revoked)
            {
                yield return (new LapseRevocationPenalty(revoked.AuthorId, revoked.ClaimId, revoked.RevokedAt),
                    revoked.RevokedAt + TrustPolicyV1.RevocationPenaltyWindow);
            }
        }
    }
}

/// <summary>
/// Handles the scheduled expiries through Wolverine's aggregate handler workflow: it loads the
/// record, and appends the returned events. A message that arrives early or finds nothing to end appends nothing.
/// </summary>
public static class ClaimExpiryHandler
{
    [AggregateHandler]
    public static IEnumerable<IAuthorEvent> Handle(ExpireClaimEvidence message, Author author, TimeProvider clock) =>
        ExpiryDecisions.ExpireEvidence(author, message.ClaimId, clock.GetUtcNow());

    [AggregateHandler]
    public static IEnumerable<IAuthorEvent> Handle(LapseRevocationPenalty message, Author author, TimeProvider clock) =>
        ExpiryDecisions.LapseRevocationPenalty(author, message.ClaimId, message.RevokedAt, clock.GetUtcNow());
}
