using System.Security.Claims;
using Ledger.Api.Commands;
using Ledger.Api.Hosting;
using Ledger.Domain;
using Ledger.Domain.Accounts;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Accounts.Suspending;

public sealed record SuspensionBody(string? Reason);

public sealed record SuspensionResponse(string Subject, bool Suspended, bool Changed);

/// <summary>A verifier suspends an account, whose follows then stop counting, and reinstates it.</summary>
public static class SuspensionEndpoints
{
    [WolverinePost("/api/accounts/{subject}/suspend", OperationId = "SuspendAccount")]
    [Tags("Accounts")]
    [Authorize(Policy = AuthSetup.Verifier)]
    [ProducesResponseType<SuspensionResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Suspend(string subject, SuspensionBody body, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        RunAsync(subject, body, user, session, clock, AccountDecisions.Suspend, suspended: true, ct);

    [WolverinePost("/api/accounts/{subject}/reinstate", OperationId = "ReinstateAccount")]
    [Tags("Accounts")]
    [Authorize(Policy = AuthSetup.Verifier)]
    [ProducesResponseType<SuspensionResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Reinstate(string subject, SuspensionBody body, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        RunAsync(subject, body, user, session, clock, AccountDecisions.Reinstate, suspended: false, ct);

    private static async Task<IResult> RunAsync(string subject, SuspensionBody body, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock,
        Func<Account?, string, string, string, DateTimeOffset, Decision<IAccountEvent>> decide, bool suspended,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            return CommandProblems.From(Reject.Invalid("reason-required",
                "A verifier decision needs a non-empty reason.", body.Reason));
        }

        var (verifier, verifierSuspended) = await AccountSteps.SyncAsync(session, user, now, ct);
        if (verifierSuspended is not null)
        {
            return verifierSuspended;
        }

        if (subject == verifier.Account.Subject)
        {
            session.EjectAllPendingChanges();
            return CommandProblems.From(Reject.Forbidden("own-account",
                $"Verifier {subject} cannot suspend or reinstate their own account.", subject));
        }

        var target = await session.Events.FetchForWriting<Account>(AccountIds.ForSubject(subject), ct);
        var decision = decide(target.Aggregate, subject, body.Reason, verifier.Account.Subject, now);
        if (decision.Rejection is { } rejection)
        {
            session.EjectAllPendingChanges();
            return CommandProblems.From(rejection);
        }

        target.AppendMany(decision.Events);
        return Results.Ok(new SuspensionResponse(subject, suspended, decision.Events.Count > 0));
    }
}
