using Ledger.Api.Authors.Reading;
using Ledger.Api.Integrity;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Audit;

/// <summary>One stored event of a record's stream, with the metadata auditors need.</summary>
public sealed record HistoryEvent(
    long Version,
    long Sequence,
    string Type,
    object Data,
    DateTimeOffset Timestamp,
    string? Actor,
    string? CorrelationId,
    string? CausationId,
    string? Hash);

/// <param name="NextFromVersion">The fromVersion of the next page, or null on the last page.</param>
public sealed record HistoryPage(Guid StreamId, IReadOnlyList<HistoryEvent> Events, long? NextFromVersion);

public static class ReadHistoryEndpoint
{
    public const int MaxLimit = 1000;

    /// <summary>Returns a record's stream in version order, a page at a time, exactly as stored.</summary>
    [WolverineGet("/api/authors/{id}/history", OperationId = "ReadHistory")]
    [Tags("Audit")]
    [ProducesResponseType<HistoryPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken ct,
        long fromVersion = 1, int limit = 100)
    {
        if (limit < 1 || limit > MaxLimit)
        {
            return Problems.Rule(StatusCodes.Status400BadRequest, "limit-out-of-range", "Invalid limit",
                $"limit must be between 1 and {MaxLimit}, got {limit}.", limit);
        }

        var streamId = await AuthorLookup.ResolveAsync(session, id, ct);
        if (streamId is null || await session.Events.FetchStreamStateAsync(streamId.Value, ct) is null)
        {
            return Problems.AuthorNotFound(id);
        }

        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == streamId.Value && e.Version >= fromVersion)
            .OrderBy(e => e.Version)
            .Take(limit + 1)
            .ToListAsync(ct);

        var page = events.Take(limit).Select(e => new HistoryEvent(e.Version, e.Sequence, e.EventTypeName,
            PublicEventData.For(e.Data),
            e.Timestamp, e.UserName, e.CorrelationId, e.CausationId,
            e.Headers?.GetValueOrDefault(EventHash.Header)?.ToString())).ToList();
        long? next = events.Count > limit ? events[limit].Version : null;
        return Results.Ok(new HistoryPage(streamId.Value, page, next));
    }
}
