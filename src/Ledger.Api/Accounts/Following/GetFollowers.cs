using Ledger.Api.Authors.Reading;
using Ledger.Domain.Accounts;
using Ledger.Projections;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Accounts.Following;

/// <param name="Counts">False for a suspended account and for the claimant following its own record.</param>
public sealed record FollowerResponse(string Subject, DateTimeOffset FollowedAt, bool Counts, bool Suspended);

/// <param name="Count">The followers that count towards trust.</param>
public sealed record FollowersResponse(Guid AuthorId, int Count, IReadOnlyList<FollowerResponse> Followers);

public static class GetFollowersEndpoint
{
    [WolverineGet("/api/authors/{id}/followers", OperationId = "GetFollowers")]
    [Tags("Followers")]
    [ProducesResponseType<FollowersResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken ct)
    {
        var profile = await AuthorLookup.LoadAsync<AuthorProfile>(session, id, ct);
        if (profile is null)
        {
            return Problems.AuthorNotFound(id);
        }

        var claimant = profile.Record.Claimant;
        var followers = profile.Followers.List()
            .OrderBy(f => f.FollowedAt)
            .Select(f => new FollowerResponse(f.Subject, f.FollowedAt, Followers.Counts(f, claimant), f.Suspended))
            .ToList();
        return Results.Ok(new FollowersResponse(profile.Id, profile.CountingFollowers, followers));
    }
}
