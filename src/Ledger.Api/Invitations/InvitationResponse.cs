using Ledger.Domain.Invitations;

namespace Ledger.Api.Invitations;

/// <summary>An invitation in its current state; a pending one past its expiry reads "expired".</summary>
public sealed record InvitationResponse(
    Guid InvitationId,
    Guid AuthorId,
    string Sender,
    string Claimant,
    string Message,
    string Status,
    DateTimeOffset SentAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? EndedAt,
    string? EndReason)
{
    public static InvitationResponse From(Invitation invitation, DateTimeOffset now) =>
        new(invitation.Id, invitation.AuthorId, invitation.Sender, invitation.Claimant, invitation.Message,
            InvitationDecisions.StatusAt(invitation, now), invitation.SentAt, invitation.ExpiresAt, invitation.EndedAt,
            invitation.EndReason);

    public static string Location(Guid invitationId) => $"/api/invitations/{invitationId}";
}

/// <summary>Ends a pending invitation when its 30 days are over.</summary>
public sealed record ExpireInvitation(Guid InvitationId);

/// <summary>Closes the pending invitations sent against a claim that ended.</summary>
public sealed record CloseInvitations(Guid AuthorId, Guid ClaimId, string Reason);
