using System.Security.Claims;
using Ledger.Domain;
using Ledger.Domain.Accounts;
using Ledger.Domain.Authors;
using Marten;
using Ledger.Api.Authors.Expiring;
using Ledger.Api.Invitations;
using Wolverine;

namespace Ledger.Api.Commands;

/// <summary>The record after an accepted command, the events it appended and the stream version they reached.</summary>
public sealed record CommandOutcome(Author After, IReadOnlyList<IAuthorEvent> Events, long Version, Account Actor);

/// <summary>
/// Runs a command on one author record: records the actor's token evidence, locks the record,
/// checks the expected version, takes the pure decision, appends its events and schedules the
/// expiries they start. Wolverine commits all of it in one transaction after the endpoint returns.
/// </summary>
public sealed class AuthorCommand(IDocumentSession session, IMessageBus bus, TimeProvider clock)
{
    public async Task<IResult> RunAsync(
        ClaimsPrincipal user,
        string id,
        HttpRequest request,
        long? expectedVersion,
        Func<Author, Account, DateTimeOffset, Decision<IAuthorEvent>> decide,
        Func<CommandOutcome, IResult> respond,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (actor, suspended) = await AccountSteps.SyncAsync(session, user, now, ct);
        if (suspended is not null)
        {
            return suspended;
        }

        var (locked, notLoaded) = await AuthorSteps.LoadAsync(session, id, request, expectedVersion, ct);
        if (notLoaded is not null)
        {
            session.EjectAllPendingChanges();
            return notLoaded;
        }

        // Read before appending: the stream's version moves with each appended event.
        var versionBefore = locked!.Version;
        var decision = decide(locked.Author, actor.Account, now);
        if (AuthorSteps.Apply(session, locked, decision) is { } rejected)
        {
            return rejected;
        }

        foreach (var (message, at) in Expiries.For(decision.Events))
        {
            await bus.ScheduleAsync(message, at);
        }

        // Sent through the outbox, so the invitations close only if the claim's end commits.
        foreach (var close in InvitationClosures.For(locked.Author, decision.Events))
        {
            await bus.PublishAsync(close);
        }

        var after = AuthorSteps.After(locked, decision.Events);
        return respond(new CommandOutcome(after, decision.Events, versionBefore + decision.Events.Count,
            actor.Account));
    }
}
