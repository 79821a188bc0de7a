using Ledger.Domain.Invitations;
using Marten;
using Wolverine.Marten;

namespace Ledger.Api.Invitations;

/// <summary>Ends pending invitations at their expiry, and when the target's claim ends.</summary>
public static partial class InvitationHandler
{
    /// <summary>
    /// Expires the invitation through Wolverine's aggregate handler workflow; an early message
    /// appends nothing.
    /// </summary>
    [AggregateHandler]
    public static IEnumerable<IInvitationEvent> Handle(ExpireInvitation message, Invitation invitation,
        TimeProvider clock) =>
        InvitationDecisions.Expire(invitation, clock.GetUtcNow());

    public static async Task Handle(CloseInvitations message, IDocumentSession session, TimeProvider clock,
        ILogger<CloseInvitations> logger, CancellationToken ct)
    {
        var pending = await session.Query<Invitation>()
            .Where(i => i.AuthorId == message.AuthorId && i.ClaimId == message.ClaimId
                && i.Status == InvitationStatus.Pending)
            .ToListAsync(ct);

        var now = clock.GetUtcNow();
        foreach (var invitation in pending)
        {
            // Through the stream's version check, so a concurrent accept or decline cannot fork its hash chain.
            var stream = await session.Events.FetchForWriting<Invitation>(invitation.Id, ct);
            stream.AppendMany(InvitationDecisions.Close(stream.Aggregate!, message.Reason, now));
        }

        LogClosed(logger, pending.Count, message.AuthorId, message.ClaimId, message.Reason);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Closed {Count} pending invitations of record {AuthorId} because claim {ClaimId} ended ({Reason})")]
    private static partial void LogClosed(ILogger logger, int count, Guid authorId, Guid claimId, string reason);
}
