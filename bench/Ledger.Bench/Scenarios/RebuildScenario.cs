using System.Diagnostics;
using System.Globalization;
using Ledger.Bench.Data;
using Ledger.Bench.Infrastructure;
using Ledger.Bench.Load;
using Ledger.Bench.Reporting;
using Npgsql;

namespace Ledger.Bench.Scenarios;

/// <summary>One reading taken while the rebuild command runs.</summary>
/// <param name="Progress">The last sequence number each projection has reached, by progression row name.</param>
public sealed record RebuildSample(TimeSpan Elapsed, IReadOnlyDictionary<string, long> Progress, MemorySample Memory)
{
    /// <summary>Returns the lowest sequence number that every named projection has reached; a missing row counts as
    /// 0.</summary>
    public long ProgressOf(IEnumerable<string> projections) => projections.Min(p => Progress.GetValueOrDefault(p));
}

/// <summary>
/// Scenario 3: `Ledger.Api.dll projections rebuild` over the rebuild data set, beside a raw
/// sequential read of the same rows. The command runs until it finishes or reaches the time limit,
/// and its rate is the events that every projection has passed divided by its run time (start-up included).
/// </summary>
public static class RebuildScenario
{
    public const double TargetRatio = 0.5;

    /// <summary>Memory counts as flat when the resident set at the end is within 15 % of the one at 25 %
    /// progress.</summary>
    public const double FlatTolerance = 0.15;

    private static readonly double[] ProgressShares = [0.25, 0.5, 0.75, 1.0];
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(250);

    public static async Task RunAsync(BenchContext context, long eventCount, CancellationToken ct)
    {
        var name = "3 rebuild";
        var database = BenchContext.RebuildDatabase;
        var connectionString = context.Postgres.ConnectionString(database);

        var (rawCount, rawElapsed) = await ReadAllAsync(connectionString, context.Options.RebuildTimeLimit, ct);
        var rawRate = rawCount / rawElapsed.TotalSeconds;
        context.Table.Add(new ResultRow(name,
            "baseline: Npgsql read of mt_events in order, System.Text.Json into event types")
        {
            Count = $"{rawCount:N0} events",
            Rate = $"{Format.Number(rawRate)} events/s",
            Note = $"{Format.Seconds(rawElapsed)}",
        });
        context.Log($"raw read: {rawCount:N0} events at {Format.Number(rawRate)}/s");

        var walBefore = await context.Postgres.ScalarAsync<string>(database, "select pg_current_wal_lsn()::text", ct);
        var writesBefore = await ViewRowWritesAsync(context, ct);
        var (samples, cpu, finished, exitCode) = await RunRebuildAsync(context, connectionString, ct);
        var walBytes = await context.Postgres.ScalarAsync<long>(database,
            $"select (pg_current_wal_lsn() - '{walBefore}'::pg_lsn)::bigint", ct);
        var viewRowWrites = await ViewRowWritesAsync(context, ct) - writesBefore;

        // Progression rows appear and are reset while the rebuild starts, so every reading is judged
        // against the projections present at the end.
        var projections = samples[^1].Progress.Keys.ToList();
        var last = samples[^1];
        var processed = finished && exitCode == 0 ? eventCount : last.ProgressOf(projections);
        var rate = processed / last.Elapsed.TotalSeconds;
        var ratio = rate / rawRate;
        var atQuarter = samples.FirstOrDefault(s => s.ProgressOf(projections) >= processed / 4) ?? last;
        var flat = last.Memory.ResidentKb <= atQuarter.Memory.ResidentKb * (1 + FlatTolerance);
        var outcome = finished
            ? $"finished with exit code {exitCode.ToString(CultureInfo.InvariantCulture)}"
            : $"stopped at the {Format.Seconds(context.Options.RebuildTimeLimit)} limit after {processed:N0} of "
                + $"{eventCount:N0} events; all of them would take about {Format.Number(eventCount / rate / 60)} min "
                + "at this rate";

        context.Table.Add(new ResultRow(name,
            $"ledger: `Ledger.Api.dll projections rebuild`, {projections.Count} projections")
        {
            Count = $"{processed:N0} events",
            Rate = $"{Format.Number(rate)} events/s",
            Ratio = Format.Ratio(ratio) + " events/s",
            Target = $"≥ ×{TargetRatio.ToString("0.0", CultureInfo.InvariantCulture)}: "
                + Format.Met(ratio >= TargetRatio),
            PeakRss = Format.MiB(last.Memory.PeakMiB),
            Note = FollowScenario.Join(outcome, cpu,
                $"{Format.Number(walBytes / (double)Math.Max(1, processed))} WAL bytes and "
                + $"{(viewRowWrites / (double)Math.Max(1, processed)).ToString("0.00", CultureInfo.InvariantCulture)} "
                + "view row writes per event"),
        });
        context.Table.Add(new ResultRow(name, "ledger: resident set of the rebuild process by progress")
        {
            Target = $"flat (end within {Format.Percent(FlatTolerance)} of 25 %): {Format.Met(flat)}",
            PeakRss = Format.MiB(last.Memory.PeakMiB),
            Note = MemoryByProgress(samples, projections, processed),
        });
        context.Log($"rebuild: {processed:N0} events at {Format.Number(rate)}/s; {outcome}");
    }

    private static async Task<(long Count, TimeSpan Elapsed)> ReadAllAsync(string connectionString, TimeSpan limit,
        CancellationToken ct)
    {
        var reader = new RawEventReader();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        var started = Stopwatch.GetTimestamp();
        var count = await reader.ReadAsync(connection,
            $"select type, data::text from {LedgerEventStore.Schema}.mt_events order by seq_id", [], timeout.Token);
        return (count, Stopwatch.GetElapsedTime(started));
    }

    private static async Task<(List<RebuildSample> Samples, string Cpu, bool Finished, int ExitCode)> RunRebuildAsync(
        BenchContext context, string connectionString, CancellationToken ct)
    {
        var samples = new List<RebuildSample>();
        var limit = context.Options.RebuildTimeLimit;
        await using var process = context.Api.StartCommand(connectionString, "rebuild", "projections", "rebuild");
        var cpuBefore = context.Cpu(process.Pid);
        var cpuLast = cpuBefore;
        while (!process.HasExited && Stopwatch.GetElapsedTime(process.StartedAt) < limit)
        {
            await Task.Delay(SampleInterval, ct);
            var cpu = context.Cpu(process.Pid);
            var sample = await SampleAsync(context, process, ct);
            if (sample is not null)
            {
                samples.Add(sample);
                cpuLast = cpu;
            }
        }

        var finished = process.HasExited;
        if (samples.Count == 0)
        {
            throw new InvalidOperationException(
                $"The rebuild command exited with code {process.ExitCode} before the first reading; see its log.");
        }

        var cpuText = CpuProbe.Describe(cpuBefore, cpuLast, samples[^1].Elapsed, "rebuild");
        if (finished)
        {
            // The last reading before the exit may miss the final batches, so the end counts every event.
            samples.Add(samples[^1] with { Elapsed = Stopwatch.GetElapsedTime(process.StartedAt) });
            return (samples, cpuText, true, process.ExitCode);
        }

        return (samples, cpuText, false, -1);
    }

    private static async Task<RebuildSample?> SampleAsync(BenchContext context, ServiceProcess process,
        CancellationToken ct)
    {
        var elapsed = Stopwatch.GetElapsedTime(process.StartedAt);
        var memory = process.Memory();
        if (memory is null)
        {
            return null;
        }

        var progress = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection =
            new NpgsqlConnection(context.Postgres.ConnectionString(BenchContext.RebuildDatabase));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select name, last_seq_id from {LedgerEventStore.Schema}.mt_event_progression "
            + "where name not like 'HighWater%'",
            connection);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                progress[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // The table appears when the first projection records progress.
        }

        return new RebuildSample(elapsed, progress, memory.Value);
    }

    // Rows written to the view tables: inserts, updates and deletes of every mt_doc_ table but the dead letters.
    private static Task<long> ViewRowWritesAsync(BenchContext context, CancellationToken ct) =>
        context.Postgres.ScalarAsync<long>(BenchContext.RebuildDatabase,
            "select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) from pg_stat_user_tables "
            + $"where schemaname = '{LedgerEventStore.Schema}' and relname like 'mt_doc_%' "
            + "and relname <> 'mt_doc_deadletterevent'", ct);

    private static string MemoryByProgress(List<RebuildSample> samples, List<string> projections, long processed)
    {
        var points = ProgressShares.Select(share =>
        {
            var sample = samples.FirstOrDefault(s => s.ProgressOf(projections) >= processed * share) ?? samples[^1];
            var events = Math.Min(sample.ProgressOf(projections), processed);
            return $"{events:N0} events {Format.MiB(sample.Memory.ResidentMiB)}";
        });
        return "RSS at " + string.Join(", ", points);
    }
}
