using Ledger.Domain.Accounts;
using Ledger.Domain.Authors;
using Ledger.Domain.Authors.Claiming;

namespace Ledger.Domain.Invitations;

public static class InvitationDecisions
{
    public const int MaxPendingPerSender = 20;

    public const int MaxMessageLength = 2000;

    /// <summary>
    /// Returns why a record takes no invitations, or null when it does: it must be claimed (an
    /// approved claim in force) and open to collaborate.
    /// </summary>
    public static Rejection? WhyClosed(Author author)
    {
        if (author.ClaimInForce is not { Status: ClaimStatus.Approved })
        {
            return Reject.Conflict("record-not-claimed",
                $"Record {author.ExternalId} must be claimed before it takes direct invitations.", author.ExternalId);
        }

        return author.Details.OpenToCollaborate
            ? null
            : Reject.Conflict("record-not-open-to-collaborate",
                $"The claimant of record {author.ExternalId} is not open to collaborate.", author.ExternalId);
    }

    /// <summary>Sends an invitation to a record's claimant.</summary>
    /// <param name="sentBySender">The sender's invitations, in any state; only those pending at
    /// <paramref name="now"/> count towards the limits.</param>
    public static Decision<IInvitationEvent> Send(Author author, Account sender, IReadOnlyList<Invitation> sentBySender,
        string? message, Guid invitationId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(message) || message.Length > MaxMessageLength)
        {
            return Reject.Invalid("message-invalid",
                $"An invitation needs a message of 1 to {MaxMessageLength} characters, got {message?.Length ?? 0}.",
                message?.Length ?? 0);
        }

        if (WhyClosed(author) is { } closed)
        {
            return closed;
        }

        var claim = author.ClaimInForce!;
        if (claim.Claimant == sender.Subject)
        {
            return Reject.Forbidden("own-record", $"Account {sender.Subject} holds the claim of {author.ExternalId} "
                + "and cannot invite itself.", sender.Subject);
        }

        var pending = sentBySender.Where(i => i.IsPendingAt(now)).ToList();
        if (pending.FirstOrDefault(i => i.AuthorId == author.Id) is { } existing)
        {
            return Reject.Conflict("invitation-already-pending",
                $"Account {sender.Subject} already has pending invitation {existing.Id} to {author.ExternalId}.",
                existing.Id);
        }

        if (pending.Count >= MaxPendingPerSender)
        {
            return Reject.Conflict("too-many-pending-invitations",
                $"Account {sender.Subject} has {pending.Count} pending invitations, the maximum is "
                + $"{MaxPendingPerSender}. Withdraw one or wait for answers.", pending.Count);
        }

        return new IInvitationEvent[]
        {
            new InvitationSent(invitationId, author.Id, claim.Id, sender.Subject, claim.Claimant, message.Trim(), now,
                now + Invitation.Lifetime),
        };
    }

    /// <param name="target">The invited record, whose claim must still be the one the invitation went to.</param>
    public static Decision<IInvitationEvent> Accept(Invitation invitation, Author target, string actor,
        DateTimeOffset now) =>
        Answer(invitation, target, actor, now, "accepted", () => new InvitationAccepted(invitation.Id, actor, now));

    public static Decision<IInvitationEvent> Decline(Invitation invitation, Author target, string actor,
        DateTimeOffset now) =>
        Answer(invitation, target, actor, now, "declined", () => new InvitationDeclined(invitation.Id, actor, now));

    /// <summary>Withdraws an invitation; only its sender may, whatever became of the target's claim.</summary>
    public static Decision<IInvitationEvent> Withdraw(Invitation invitation, Author target, string actor,
        DateTimeOffset now)
    {
        if (actor != invitation.Sender)
        {
            return Reject.Forbidden("not-sender", $"Only the sender of invitation {invitation.Id} may withdraw it.",
                actor);
        }

        return RequirePending(invitation, now, "withdrawn")
            ?? (Decision<IInvitationEvent>)new IInvitationEvent[]
            {
                new InvitationWithdrawn(invitation.Id, actor, now),
            };
    }

    /// <summary>Expires a pending invitation once its expiry has passed; otherwise appends nothing.</summary>
    public static IReadOnlyList<IInvitationEvent> Expire(Invitation invitation, DateTimeOffset now) =>
        invitation.Status == InvitationStatus.Pending && now >= invitation.ExpiresAt
            ? [new InvitationExpired(invitation.Id, invitation.ExpiresAt)]
            : [];

    /// <summary>Closes a pending invitation whose target claim ended; otherwise appends nothing.</summary>
    public static IReadOnlyList<IInvitationEvent> Close(Invitation invitation, string reason, DateTimeOffset now) =>
        invitation.Status == InvitationStatus.Pending ? [new InvitationClosed(invitation.Id, reason, now)] : [];

    private static Decision<IInvitationEvent> Answer(Invitation invitation, Author target, string actor,
        DateTimeOffset now, string action, Func<IInvitationEvent> answer)
    {
        if (actor != invitation.Claimant)
        {
            return Reject.Forbidden("not-claimant",
                $"Only the claimant of the invited record may answer invitation {invitation.Id}; {actor} is not.",
                actor);
        }

        // The closing message follows a claim's end by moments; until it runs, the claim is checked here.
        if (target.ClaimInForce is not { Status: ClaimStatus.Approved } claim || claim.Id != invitation.ClaimId)
        {
            return Reject.Conflict("claim-ended",
                $"The claim that invitation {invitation.Id} was sent to has ended, so it cannot be {action}.",
                invitation.ClaimId);
        }

        return RequirePending(invitation, now, action)
            ?? (Decision<IInvitationEvent>)new[] { answer() };
    }

    private static Rejection? RequirePending(Invitation invitation, DateTimeOffset now, string action) =>
        invitation.IsPendingAt(now)
            ? null
            : Reject.Conflict("invitation-not-pending",
                $"Invitation {invitation.Id} is {StatusAt(invitation, now)} and cannot be {action}.",
                StatusAt(invitation, now));

    /// <summary>The status a reader should see: a pending invitation past its expiry reads expired.</summary>
    public static string StatusAt(Invitation invitation, DateTimeOffset now) =>
        invitation.Status == InvitationStatus.Pending && now >= invitation.ExpiresAt
            ? "expired"
            : invitation.Status.ToString().ToLowerInvariant();
}
