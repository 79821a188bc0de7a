using Ledger.Domain.Accounts;
using Ledger.Domain.Authors;
using Ledger.Domain.Invitations;

namespace Ledger.Api.Hosting;

internal static class EventTypes
{
    /// <summary>
    /// Every event type of the domain, registered up front so that reads of the raw stream know
    /// them all.
    /// </summary>
    public static Type[] All { get; } = typeof(IAuthorEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false }
            && (typeof(IAuthorEvent).IsAssignableFrom(t) || typeof(IAccountEvent).IsAssignableFrom(t)
                || typeof(IInvitationEvent).IsAssignableFrom(t)))
        .ToArray();
}
