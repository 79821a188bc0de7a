using System.Security.Claims;
using Ledger.Api.Hosting;
using Ledger.Domain.Authors.Importing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Authors.Importing;

public static class ImportAuthorsEndpoint
{
    /// <summary>Largest accepted import body, in bytes; larger imports go through the import command.</summary>
    public const long MaxBodyBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Imports OpenAlex author and work objects: one JSON document, a JSON array or JSON Lines.
    /// Importing the same data again appends nothing.
    /// </summary>
    [WolverinePost("/api/imports", OperationId = "ImportAuthors")]
    [Tags("Import")]
    [Authorize(Policy = AuthSetup.Admin)]
    [RequestSizeLimit(MaxBodyBytes)]
    [Consumes("application/json", "application/x-ndjson", "application/jsonl")]
    [ProducesResponseType<ImportReport>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public static async Task<IResult> Post(HttpRequest request, ClaimsPrincipal user, AuthorImporter importer,
        CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var content = await reader.ReadToEndAsync(ct);

        var batch = OpenAlexDocuments.Parse(content);
        if (batch.Problems.Count > 0)
        {
            var first = batch.Problems[0];
            return Problems.Rule(StatusCodes.Status400BadRequest, "import-invalid", "Invalid import",
                $"The import was rejected and nothing was appended: {first}.", first.Field,
                new Dictionary<string, object?> { ["field"] = first.Field, ["errors"] = batch.Problems });
        }

        var report = await importer.ImportAsync(batch, user.FindFirstValue("sub") ?? "unknown", ct);
        return Results.Ok(report);
    }
}
