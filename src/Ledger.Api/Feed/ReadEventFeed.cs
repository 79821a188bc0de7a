using System.Text.Json;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Ledger.Api.Audit;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Feed;

/// <summary>One event of the global feed with the metadata Marten stores beside it.</summary>
public sealed record FeedEvent(
    long Sequence,
    Guid StreamId,
    long Version,
    string Type,
    JsonElement Data,
    DateTimeOffset Timestamp,
    string? UserName,
    string? CorrelationId,
    string? CausationId,
    IReadOnlyDictionary<string, object>? Headers);

/// <summary>
/// A page of the global feed. <see cref="Next"/> is the value to pass as "after" for the following page, and
/// <see cref="HighWaterMark"/> is the sequence up to which the feed was served.
/// </summary>
public sealed record EventFeedPage(IReadOnlyList<FeedEvent> Events, long Next, long HighWaterMark);

public static class ReadEventFeedEndpoint
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>
    /// Reads the events of every stream in global sequence order, starting after the sequence in "after".
    /// The feed stops at the async daemon's high water mark because PostgreSQL allocates sequence numbers
    /// before commit: a transaction holding a lower number may still commit after a higher one is visible.
    /// Below the mark every number is committed or known to be a gap, so a reader that resumes from
    /// "next" never skips an event. The feed therefore lags the last commit by the daemon's polling
    /// interval, and waits while an open transaction has drawn a lower sequence.
    /// Until the daemon writes its first mark, as on a fresh database, the feed returns no events,
    /// because without the mark no sequence is known to be safe to pass.
    /// </summary>
    // NOTE: the feed inherits the daemon's gap handling. Marten 9 passes a gap only when it is stale and no
    // transaction that could fill it is alive. With SkipStaleGapsDespiteLiveTransactionsAfter set, or
    // UseTransactionEvidenceForGapSkipping off, an event committed late inside a skipped gap is missing from
    // the feed, as it is from the views.
    [WolverineGet("/api/events", OperationId = "ReadEventFeed")]
    [Tags("Feed")]
    [ProducesResponseType<EventFeedPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Read(IQuerySession session, CancellationToken ct, long after = 0,
        int limit = DefaultLimit)
    {
        if (after < 0)
        {
            return Problems.Rule(StatusCodes.Status400BadRequest, "after-out-of-range", "Invalid cursor",
                $"after must be 0 or more, got {after}. Pass 0 to read from the first event.", after);
        }

        if (limit < 1 || limit > MaxLimit)
        {
            return Problems.Rule(StatusCodes.Status400BadRequest, "limit-out-of-range", "Invalid limit",
                $"limit must be between 1 and {MaxLimit}, got {limit}.", limit);
        }

        // The mark is read before the events because every sequence at or below it is then already
        // committed or dead, so the event query that follows reads all of them.
        var highWaterMark = await ReadHighWaterMarkAsync(session, ct);

        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > after && e.Sequence <= highWaterMark)
            .OrderBy(e => e.Sequence)
            .Take(limit)
            .ToListAsync(ct);

        var serializer = session.DocumentStore.Options.Serializer();
        var items = events.Select(e => ToFeedEvent(e, serializer)).ToList();
        var next = items.Count == 0 ? after : items[^1].Sequence;
        return Results.Ok(new EventFeedPage(items, next, highWaterMark));
    }

    /// <summary>
    /// Reads the store-wide high water mark that the async daemon keeps in mt_event_progression, or 0 when
    /// the daemon has not written it yet.
    /// </summary>
    private static async Task<long> ReadHighWaterMarkAsync(IQuerySession session, CancellationToken ct)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var marks = await session.QueryAsync<long>(
            $"select last_seq_id from {schema}.mt_event_progression where name = ?", ct, ShardState.HighWaterMark);
        return marks.Count == 0 ? 0 : marks[0];
    }

    private static FeedEvent ToFeedEvent(IEvent e, ISerializer serializer) =>
        new(e.Sequence, e.StreamId, e.Version, e.EventTypeName,
            JsonElement.Parse(serializer.ToJson(PublicEventData.For(e.Data))),
            e.Timestamp, e.UserName, e.CorrelationId, e.CausationId, e.Headers);
}
