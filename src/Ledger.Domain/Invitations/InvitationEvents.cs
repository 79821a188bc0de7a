namespace Ledger.Domain.Invitations;

/// <summary>An event of one invitation's stream.</summary>
public interface IInvitationEvent
{
    Guid InvitationId { get; }
}

/// <param name="ClaimId">The approved claim of the target record when the invitation was sent.</param>
/// <param name="Claimant">The account of that claim, and the only one that may accept or decline.</param>
public sealed record InvitationSent(
    Guid InvitationId,
    Guid AuthorId,
    Guid ClaimId,
    string Sender,
    string Claimant,
    string Message,
    DateTimeOffset SentAt,
    DateTimeOffset ExpiresAt) : IInvitationEvent;

public sealed record InvitationAccepted(Guid InvitationId, string AcceptedBy, DateTimeOffset AcceptedAt)
    : IInvitationEvent;

public sealed record InvitationDeclined(Guid InvitationId, string DeclinedBy, DateTimeOffset DeclinedAt)
    : IInvitationEvent;

public sealed record InvitationWithdrawn(Guid InvitationId, string WithdrawnBy, DateTimeOffset WithdrawnAt)
    : IInvitationEvent;

/// <summary>A pending invitation reached its expiry; the time is the expiry itself.</summary>
public sealed record InvitationExpired(Guid InvitationId, DateTimeOffset ExpiredAt) : IInvitationEvent;

/// <summary>A pending invitation closed because the target's claim ended.</summary>
public sealed record InvitationClosed(Guid InvitationId, string Reason, DateTimeOffset ClosedAt) : IInvitationEvent;
