using Ledger.Api.Trust;
using Ledger.Domain.Trust;
using Ledger.Projections;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Authors.Reading;

public static class GetAuthorEndpoint
{
    /// <summary>Returns the profile of one record; the id may be its stream id, OpenAlex id or ORCID iD.</summary>
    [WolverineGet("/api/authors/{id}", OperationId = "GetAuthor")]
    [Tags("Authors")]
    [ProducesResponseType<AuthorProfileResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string id, IQuerySession session, HttpResponse response, CancellationToken ct)
    {
        var authorId = await AuthorLookup.ResolveAsync(session, id, ct);
        if (authorId is null)
        {
            return Problems.AuthorNotFound(id);
        }

        // One round trip for the view, the stream's version and the live policy.
        var batch = session.CreateBatchQuery();
        // The whole document: PostgreSQL fetches and decompresses a large stored JSON value once for each field
        // a query extracts, so selecting only the page's fields made reads of large profiles slower.
        var profileQuery = batch.Load<AuthorProfile>(authorId.Value);
        var stateQuery = batch.Events.FetchStreamState(authorId.Value);
        var settingQuery = batch.Load<LiveTrustPolicySetting>(LiveTrustPolicySetting.SingletonId);
        await batch.Execute(ct);

        var profile = await profileQuery;
        if (profile is null)
        {
            return Problems.AuthorNotFound(id);
        }

        // The stream's version, not the view's: the view follows commits within about a second, and an
        // ETag older than the stream would make the next If-Match fail with 412.
        var state = await stateQuery;
        response.Headers.ETag = $"\"{state?.Version ?? profile.RecordVersion}\"";
        var policy = (await settingQuery)?.Version ?? TrustPolicies.Default.Version;
        return Results.Ok(AuthorProfileResponse.From(profile, policy));
    }
}
