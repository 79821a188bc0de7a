using Ledger.Domain.Names;
using Ledger.Api.Trust;
using Ledger.Projections;
using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Authors.Reading;

public sealed record AuthorSummary(Guid Id, string ExternalId, string Name, int TrustScore, string TrustBand,
    string VerificationTier, int Works);

public sealed record AuthorPage(IReadOnlyList<AuthorSummary> Items, int Page, int PageSize, long Total);

public static class ListAuthorsEndpoint
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// Lists records by name, a page at a time. The name filter matches any part of the name,
    /// ignoring case, compatibility forms and the kind of apostrophe.
    /// </summary>
    [WolverineGet("/api/authors", OperationId = "ListAuthors")]
    [Tags("Authors")]
    [ProducesResponseType<AuthorPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> List(IQuerySession session, CancellationToken ct, string? name = null,
        int page = 1, int pageSize = 20)
    {
        if (page < 1 || (long)(page - 1) * pageSize > int.MaxValue)
        {
            return Problems.Rule(StatusCodes.Status400BadRequest, "page-out-of-range", "Invalid page",
                $"page must be 1 or more, and (page - 1) * pageSize at most {int.MaxValue}, got {page}.", page);
        }

        if (pageSize < 1 || pageSize > MaxPageSize)
        {
            return Problems.Rule(StatusCodes.Status400BadRequest, "page-size-out-of-range", "Invalid page size",
                $"pageSize must be between 1 and {MaxPageSize}, got {pageSize}.", pageSize);
        }

        var query = session.Query<AuthorProfile>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(name))
        {
            var key = PersonName.MatchKey(name);
            query = query.Where(p => p.NameKey.Contains(key));
        }

        var policy = await LiveTrustPolicy.VersionAsync(session, ct);
        var results = await query.OrderBy(p => p.NameKey).ThenBy(p => p.ExternalId)
            .ToPagedListAsync(page, pageSize, ct);
        var items = results.Select(p => new AuthorSummary(p.Id, p.ExternalId, p.Record.Details.Name,
            p.TrustByPolicy[policy].Score, p.TrustByPolicy[policy].Band, p.Tier.Tier.ToString(),
            p.Record.Bibliography.Works.Count)).ToList();
        return Results.Ok(new AuthorPage(items, page, pageSize, results.TotalItemCount));
    }
}
