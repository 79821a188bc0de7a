using System.Security.Claims;
using JasperFx.Events;
using Ledger.Domain.Accounts;
using Marten;

namespace Ledger.Api.Commands;

/// <summary>The acting account after its token evidence was recorded, with its stream for further events.</summary>
public sealed record ActingAccount(IEventStream<Account> Stream, Account Account);

public static class AccountSteps
{
    /// <summary>
    /// Loads the acting account for writing and appends the evidence its token proves that the
    /// account does not have yet. Returns the account as it is after those events, or a 403 problem
    /// when the account is suspended.
    /// </summary>
    public static async Task<(ActingAccount Actor, IResult? Problem)> SyncAsync(IDocumentSession session,
        ClaimsPrincipal user, DateTimeOffset now, CancellationToken ct)
    {
        var evidence = Actor.Evidence(user);
        session.LastModifiedBy = evidence.Subject;

        var stream = await session.Events.FetchForWriting<Account>(AccountIds.ForSubject(evidence.Subject), ct);
        var events = AccountDecisions.Sync(stream.Aggregate, evidence, now);
        stream.AppendMany(events);

        var account = events.Aggregate(stream.Aggregate, Account.ApplyEvent)!;
        if (account.Suspended)
        {
            session.EjectAllPendingChanges();
            return (new ActingAccount(stream, account), Problems.Rule(StatusCodes.Status403Forbidden,
                "account-suspended", "Account suspended",
                $"Account {account.Subject} is suspended and cannot act until a verifier reinstates it.",
                account.Subject));
        }

        return (new ActingAccount(stream, account), null);
    }
}
