using Ledger.Domain.Authors;
using Ledger.Domain.Authors.Claiming;

namespace Ledger.Api.Invitations;

public static class InvitationClosures
{
    /// <summary>
    /// Lists the closings that appended events start: an approved claim that is released or
    /// revoked takes its record's pending invitations with it.
    /// </summary>
    public static IEnumerable<CloseInvitations> For(Author before, IEnumerable<IAuthorEvent> events)
    {
        foreach (var e in events)
        {
            var (claimId, reason) = e switch
            {
                ClaimReleased released => (released.ClaimId, "claim released"),
                ClaimRevoked revoked => (revoked.ClaimId, "claim revoked"),
                _ => (Guid.Empty, ""),
            };

            if (claimId != Guid.Empty && before.Claims.TryGetValue(claimId, out var claim)
                && claim.Status == ClaimStatus.Approved)
            {
                yield return new CloseInvitations(before.Id, claimId, reason);
            }
        }
    }
}
