using Ledger.Api.Authors.Reading;
using Ledger.Domain.Authors;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Authors.Claiming;

public static class GetClaimEndpoint
{
    /// <summary>Returns one claim, folded from the record's stream, so it reflects every committed command.</summary>
    [WolverineGet("/api/authors/{id}/claims/{claimId}", OperationId = "GetClaim")]
    [Tags("Claims")]
    [ProducesResponseType<ClaimResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string id, Guid claimId, IQuerySession session, CancellationToken ct)
    {
        var authorId = await AuthorLookup.ResolveAsync(session, id, ct);
        var author = authorId is null
            ? null
            : await session.Events.AggregateStreamAsync<Author>(authorId.Value, token: ct);
        if (author is null)
        {
            return Problems.AuthorNotFound(id);
        }

        if (!author.Claims.ContainsKey(claimId))
        {
            return Problems.Rule(StatusCodes.Status404NotFound, "claim-not-found", "Claim not found",
                $"Record {author.ExternalId} has no claim {claimId}.", claimId);
        }

        var state = await session.Events.FetchStreamStateAsync(author.Id, ct);
        return Results.Ok(ClaimResponse.From(author, claimId, state?.Version ?? 0));
    }
}
