using Ledger.Api.Authors.Reading;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Integrity;

public static class CheckIntegrityEndpoint
{
    /// <summary>Recomputes the hash chain of a record's stream: intact, or the first version that breaks it.</summary>
    [WolverineGet("/api/authors/{id}/integrity", OperationId = "CheckIntegrity")]
    [Tags("Audit")]
    [ProducesResponseType<IntegrityReport>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken ct)
    {
        var streamId = await AuthorLookup.ResolveAsync(session, id, ct);
        if (streamId is null || await session.Events.FetchStreamStateAsync(streamId.Value, ct) is null)
        {
            return Problems.AuthorNotFound(id);
        }

        return Results.Ok(await StreamIntegrity.CheckAsync(session, streamId.Value, ct));
    }
}
