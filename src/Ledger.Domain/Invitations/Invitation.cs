namespace Ledger.Domain.Invitations;

public enum InvitationStatus
{
    Pending,
    Accepted,
    Declined,
    Withdrawn,
    Expired,
    Closed,
}

/// <summary>One direct collaboration invitation, folded from its stream; stored as its own view.</summary>
/// <param name="EndReason">Why a closed invitation closed, such as "claim released".</param>
public sealed record Invitation(
    Guid Id,
    Guid AuthorId,
    Guid ClaimId,
    string Sender,
    string Claimant,
    string Message,
    InvitationStatus Status,
    DateTimeOffset SentAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? EndedAt,
    string? EndReason)
{
    /// <summary>Pending invitations expire this long after they were sent.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    /// <summary>Pending and not yet past its expiry, even if the expiry message has not run yet.</summary>
    public bool IsPendingAt(DateTimeOffset at) => Status == InvitationStatus.Pending && at < ExpiresAt;

    public static Invitation Create(InvitationSent sent) =>
        new(sent.InvitationId, sent.AuthorId, sent.ClaimId, sent.Sender, sent.Claimant, sent.Message,
            InvitationStatus.Pending, sent.SentAt, sent.ExpiresAt, null, null);

    public Invitation Apply(InvitationAccepted accepted) => End(InvitationStatus.Accepted, accepted.AcceptedAt, null);

    public Invitation Apply(InvitationDeclined declined) => End(InvitationStatus.Declined, declined.DeclinedAt, null);

    public Invitation Apply(InvitationWithdrawn withdrawn) =>
        End(InvitationStatus.Withdrawn, withdrawn.WithdrawnAt, null);

    public Invitation Apply(InvitationExpired expired) => End(InvitationStatus.Expired, expired.ExpiredAt, null);

    public Invitation Apply(InvitationClosed closed) => End(InvitationStatus.Closed, closed.ClosedAt, closed.Reason);

    /// <summary>Applies any event after the first of the invitation's stream, as Marten folds it.</summary>
    public Invitation ApplyEvent(IInvitationEvent e) => e switch
    {
        InvitationAccepted accepted => Apply(accepted),
        InvitationDeclined declined => Apply(declined),
        InvitationWithdrawn withdrawn => Apply(withdrawn),
        InvitationExpired expired => Apply(expired),
        InvitationClosed closed => Apply(closed),
        _ => throw new InvalidOperationException($"Invitation {Id} has no rule for event {e.GetType().Name}."),
    };

    private Invitation End(InvitationStatus status, DateTimeOffset at, string? reason) =>
        this with { Status = status, EndedAt = at, EndReason = reason };
}
