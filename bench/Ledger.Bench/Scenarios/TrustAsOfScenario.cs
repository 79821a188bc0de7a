using System.Diagnostics;
using System.Globalization;
using Ledger.Bench.Data;
using Ledger.Bench.Infrastructure;
using Ledger.Bench.Load;
using Ledger.Bench.Reporting;
using Ledger.Domain.Authors;
using Ledger.Domain.Trust;
using Ledger.Projections;
using Marten;
using Npgsql;

namespace Ledger.Bench.Scenarios;

/// <summary>
/// Scenario 4: the trust of the long record (10,000 events over two years) as of the time of its
/// 5,000th event, in the rebuild database. When GET /api/authors/{id}/trust takes ?at=, the API
/// serves the read, after the views are marked as caught up so that the async daemon stays idle. In process, Marten's
/// AggregateStreamAsync(timestamp:) folds the record's own stream
/// and trust policy v1 evaluates it. The baseline reads and deserializes the same stream rows.
/// </summary>
public static class TrustAsOfScenario
{
    private const long AsOfVersion = RebuildData.LongRecordEvents / 2;

    // Each request replays the record from a scan of the whole event log, so few repetitions fit the time budget.
    private const int HttpRepetitions = 5;

    public static async Task RunAsync(BenchContext context, RebuildData data, CancellationToken ct)
    {
        var name = "4 trust as of a past time";
        var connectionString = context.Postgres.ConnectionString(BenchContext.RebuildDatabase);
        var asOf = RebuildData.LongRecordTime(AsOfVersion);
        var repetitions = context.Options.TrustRepetitions;
        var schema = LedgerEventStore.Schema;

        var reader = new RawEventReader();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var rows = 0L;
        var raw = await RepeatAsync(repetitions, async () => rows = await reader.ReadAsync(connection,
            $"select type, data::text from {schema}.mt_events where stream_id = $1 and timestamp <= $2 "
            + "order by version",
            [data.LongRecordId, asOf], ct));
        context.Table.Add(new ResultRow(name,
                "baseline: Npgsql read of the stream's rows up to the time, System.Text.Json")
            .WithStats(raw, "reads/s") with { Note = $"{rows:N0} of {RebuildData.LongRecordEvents:N0} rows" });

        if (context.Features.TrustAt)
        {
            var scan = await RepeatAsync(3, async () => await context.Postgres.ScalarAsync<long>(
                BenchContext.RebuildDatabase,
                $"select count(*) from {schema}.mt_events where type = 'author_followed' "
                + $"and data ->> 'authorId' = '{data.LongRecordId}'", ct));
            await RunHttpAsync(context, name, data, asOf, raw, scan, ct);
        }

        using var store = LedgerEventStore.Create(connectionString);
        await FoldWithProjectionAsync(context, name, store, data.LongRecordId, asOf, raw, ct);

        Author? author = null;
        TrustEvaluation? trust = null;
        var folded = await RepeatAsync(repetitions, async () =>
        {
            await using var session = store.QuerySession();
            author = await session.Events.AggregateStreamAsync<Author>(data.LongRecordId, timestamp: asOf, token: ct);
            trust = TrustPolicyV1.Instance.Evaluate(AuthorTrustFacts.From(author!, countingFollowers: 0), asOf);
        });
        context.Table.Add(new ResultRow(name, "ledger in process: AggregateStreamAsync<Author>(timestamp:) + policy v1")
            .WithStats(folded, "reads/s") with
            {
                Ratio = Format.Ratio(folded.P50Ms / raw.P50Ms) + " p50 time",
                Note = $"the record's own stream only, so followers are not counted; score {trust?.Score}, "
                    + $"{author?.Bibliography.Works.Count} works",
            });
        context.Log(
            $"trust as of: in-process fold p50 {Format.Ms(folded.P50Ms)} ms, raw read p50 {Format.Ms(raw.P50Ms)} ms");
    }

    // The API's ?at= replay folds the record and its followers with the view projection's Fold, then derives
    // the view once.
    private static async Task FoldWithProjectionAsync(BenchContext context, string name, DocumentStore store,
        Guid recordId, DateTimeOffset asOf, LatencyStats raw, CancellationToken ct)
    {
        AuthorProfile? view = null;
        var folded = await RepeatAsync(context.Options.TrustRepetitions, async () =>
        {
            await using var session = store.QuerySession();
            var events = await session.Events.FetchStreamAsync(recordId, timestamp: asOf, token: ct);
            var fold = events.Aggregate((AuthorFold?)null, AuthorProfileProjection.Fold);
            view = fold is null
                ? null
                : AuthorProfile.After(null, fold.Record, fold.Followers, fold.RecordVersion, events[^1]);
        });
        context.Table.Add(new ResultRow(name,
                "ledger in process: FetchStreamAsync(timestamp:) + AuthorProfileProjection.Fold")
            .WithStats(folded, "reads/s") with
            {
                Ratio = Format.Ratio(folded.P50Ms / raw.P50Ms) + " p50 time",
                Note = $"the view is derived once, after the last event; record version {view?.RecordVersion}",
            });
    }

    private static async Task RunHttpAsync(BenchContext context, string name, RebuildData data, DateTimeOffset asOf,
        LatencyStats raw, LatencyStats scan, CancellationToken ct)
    {
        var events = await context.Postgres.EventCountAsync(BenchContext.RebuildDatabase, ct);
        await context.Postgres.ScalarAsync<long>(BenchContext.RebuildDatabase,
            $"update {LedgerEventStore.Schema}.mt_event_progression set last_seq_id = "
            + $"(select max(seq_id) from {LedgerEventStore.Schema}.mt_events)", ct);

        await using var api = await context.StartApiAsync(BenchContext.RebuildDatabase, "trust-at", ct);
        var at = Uri.EscapeDataString(asOf.ToString("O", CultureInfo.InvariantCulture));
        var path = $"/api/authors/{data.LongRecordId:D}/trust?at={at}";
        var first = await api.Client.GetAsync(path, ct);
        if (first != 200)
        {
            throw new InvalidOperationException($"GET {path} returned {first}; see the trust-at API log.");
        }

        MemoryProbe.ResetPeak(api.Process.Pid);
        var run = await ClosedLoop.RunAsync(HttpRepetitions, 1, context.Options.LoadTimeLimit,
            async (_, token) => (await api.Client.GetAsync(path, token)).ToString(CultureInfo.InvariantCulture), ct);
        var memory = api.Process.Memory();
        var stats = run.Stats();
        context.Table.Add(new ResultRow(name, "ledger: GET /api/authors/{id}/trust?at=")
            .WithStats(stats, "reads/s") with
        {
            Ratio = Format.Ratio(stats.P50Ms / raw.P50Ms) + " p50 time",
            PeakRss = memory is { } m ? Format.MiB(m.PeakMiB) : "n/a",
            Note = FollowScenario.Join($"store of {events:N0} events; counting the record's AuthorFollowed events by "
                + $"data ->> 'authorId' alone takes {Format.Ms(scan.P50Ms)} ms", FollowScenario.Statuses(run, "200"),
                FollowScenario.TimedOut(run)),
        });
        context.Log($"trust as of over HTTP: p50 {Format.Ms(stats.P50Ms)} ms");
    }

    private static async Task<LatencyStats> RepeatAsync(int repetitions, Func<Task> action)
    {
        await action();
        var times = new List<double>(repetitions);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < repetitions; i++)
        {
            var begin = Stopwatch.GetTimestamp();
            await action();
            times.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
        }

        return LatencyStats.From(times, Stopwatch.GetElapsedTime(started));
    }
}
