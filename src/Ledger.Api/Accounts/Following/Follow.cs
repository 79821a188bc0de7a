using System.Security.Claims;
using Ledger.Api.Authors.Reading;
using Ledger.Api.Commands;
using Ledger.Api.Hosting;
using Ledger.Domain.Accounts;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Accounts.Following;

/// <param name="Changed">False when the request appended nothing, because the account already stood so.</param>
public sealed record FollowResponse(Guid AuthorId, string Subject, bool Following, bool Changed);

/// <summary>
/// Follows and unfollows are events of the follower's own account stream, so concurrent follows of
/// one record by different accounts never conflict. Both are idempotent.
/// </summary>
public static class FollowEndpoints
{
    [WolverinePost("/api/authors/{id}/follow", OperationId = "FollowAuthor")]
    [Tags("Followers")]
    [Authorize(Policy = AuthSetup.Researcher)]
    [ProducesResponseType<FollowResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Follow(string id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        CancellationToken ct) =>
        RunAsync(id, user, session, clock, AccountDecisions.Follow, following: true, ct);

    [WolverinePost("/api/authors/{id}/unfollow", OperationId = "UnfollowAuthor")]
    [Tags("Followers")]
    [Authorize(Policy = AuthSetup.Researcher)]
    [ProducesResponseType<FollowResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Unfollow(string id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        CancellationToken ct) =>
        RunAsync(id, user, session, clock, AccountDecisions.Unfollow, following: false, ct);

    private static async Task<IResult> RunAsync(string id, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, Func<Account, Guid, DateTimeOffset, IReadOnlyList<IAccountEvent>> decide, bool following,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (actor, suspended) = await AccountSteps.SyncAsync(session, user, now, ct);
        if (suspended is not null)
        {
            return suspended;
        }

        var authorId = await AuthorLookup.ResolveAsync(session, id, ct);
        if (authorId is null || await session.Events.FetchStreamStateAsync(authorId.Value, ct) is null)
        {
            session.EjectAllPendingChanges();
            return Problems.AuthorNotFound(id);
        }

        var events = decide(actor.Account, authorId.Value, now);
        actor.Stream.AppendMany(events);
        return Results.Ok(new FollowResponse(authorId.Value, actor.Account.Subject, following, events.Count > 0));
    }
}
