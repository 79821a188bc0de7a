using Ledger.Domain.Accounts;
using Ledger.Domain.Invitations;

namespace Ledger.Api.Audit;

/// <summary>
/// The event data that public reads may show. Email addresses and invitation messages are private,
/// so the feed and the history show those events without them; every other event shows as stored.
/// </summary>
public static class PublicEventData
{
    public static object For(object data) => data switch
    {
        EmailVerified verified => new { verified.Subject, verified.Domain, verified.VerifiedAt },
        InvitationSent sent => new
        {
            sent.InvitationId, sent.AuthorId, sent.ClaimId, sent.Sender, sent.Claimant, sent.SentAt, sent.ExpiresAt,
        },
        _ => data,
    };
}
