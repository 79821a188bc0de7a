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
    /// when the account is suspended. With <paramref name="exclusive"/>, the account's stream stays
    /// locked until the command commits, so two commands of one account run one after the other.
    /// </summary>
    public static async Task<(ActingAccount Actor, IResult? Problem)> SyncAsync(IDocumentSession session,
        ClaimsPrincipal user, DateTimeOffset now, CancellationToken ct, bool exclusive = false)
    {
        var evidence = Actor.Evidence(user);
        session.LastModifiedBy = evidence.Subject;

        var accountId = AccountIds.ForSubject(evidence.Subject);
        // NOTE: without exclusive, a command that appends nothing to the account is not checked against its
        // version, so a suspension that commits while the command runs does not stop that command.
        var stream = exclusive
            ? await session.Events.FetchForExclusiveWriting<Account>(accountId, ct)
            : await session.Events.FetchForWriting<Account>(accountId, ct);
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
