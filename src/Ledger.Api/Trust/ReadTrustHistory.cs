using Ledger.Api.Authors.Reading;
using Ledger.Projections;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Trust;

public sealed record TrustHistoryResponse(Guid AuthorId, string Policy, IReadOnlyList<TrustChange> Changes);

public static class ReadTrustHistoryEndpoint
{
    /// <summary>
    /// Returns every change of a record's trust score or band under a policy, with the event that
    /// caused it.
    /// </summary>
    [WolverineGet("/api/authors/{id}/trust/history", OperationId = "ReadTrustHistory")]
    [Tags("Trust")]
    [ProducesResponseType<TrustHistoryResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken ct,
        string? policy = null)
    {
        var (version, unknown) = await LiveTrustPolicy.ResolveAsync(session, policy, ct);
        if (unknown is not null)
        {
            return unknown;
        }

        var profile = await AuthorLookup.LoadAsync<AuthorProfile>(session, id, ct);
        return profile is null
            ? Problems.AuthorNotFound(id)
            : Results.Ok(new TrustHistoryResponse(profile.Id, version!,
                profile.TrustChanges.Where(c => c.Policy == version).ToList()));
    }
}
