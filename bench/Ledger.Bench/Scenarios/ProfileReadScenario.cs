using System.Globalization;
using Ledger.Bench.Data;
using Ledger.Bench.Infrastructure;
using Ledger.Bench.Load;
using Ledger.Bench.Reporting;
using Npgsql;

namespace Ledger.Bench.Scenarios;

/// <summary>
/// Scenario 5: GET /api/authors/{id} open-loop at a fixed rate, 10 % of the reads on the hot record
/// and the rest spread evenly. Two baselines run at the same rate: a raw Npgsql read of the same
/// profile rows, and GET /health/live, which crosses the same HTTP stack without the database.
/// </summary>
public static class ProfileReadScenario
{
    public const double TargetP99Ms = 5;
    private const double HotShare = 0.10;

    // Each run starts with one unmeasured second at the same rate, so that connection pools are full.
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(BenchContext context, RunningApi api, CancellationToken ct)
    {
        var options = context.Options;
        var rate = options.ReadRate;
        var name = $"5 profile read, {Format.Number(rate)}/s open-loop";
        var records = Records(context.Plan, (int)(rate * options.ReadDuration.TotalSeconds));

        await using (var dataSource = NpgsqlDataSource.Create(
            context.Postgres.ConnectionString(BenchContext.LedgerDatabase, maxPoolSize: 100)))
        {
            var ids = records.Select(DataPlan.StreamId).ToArray();
            async Task<string> SelectAsync(int i, CancellationToken token)
            {
                await using var command = dataSource.CreateCommand(
                    $"select data from {LedgerEventStore.ProfileTable} where id = $1");
                command.Parameters.Add(new NpgsqlParameter { Value = ids[i] });
                return await command.ExecuteScalarAsync(token) is string ? "ok" : "missing";
            }

            await OpenLoop.RunAsync(rate, WarmUp, SelectAsync, ct);
            var raw = await OpenLoop.RunAsync(rate, options.ReadBaselineDuration, SelectAsync, ct);
            context.Table.Add(new ResultRow(name, "baseline: Npgsql select of the same profile row")
                .WithStats(raw.Stats()) with
                {
                    Note = FollowScenario.Join(Lag(raw), FollowScenario.Statuses(raw, "ok")),
                });
        }

        async Task<string> LiveAsync(int i, CancellationToken token) =>
            (await api.Client.GetAsync("/health/live", token)).ToString(CultureInfo.InvariantCulture);

        await OpenLoop.RunAsync(rate, WarmUp, LiveAsync, ct);
        var live = await OpenLoop.RunAsync(rate, options.ReadBaselineDuration, LiveAsync, ct);
        var liveStats = live.Stats();
        context.Table.Add(new ResultRow(name, "baseline: GET /health/live").WithStats(liveStats) with
        {
            Note = FollowScenario.Join(Lag(live), FollowScenario.Statuses(live, "200")),
        });

        async Task<string> ProfileAsync(int i, CancellationToken token) =>
            (await api.Client.GetAsync($"/api/authors/{DataPlan.AuthorId(records[i])}", token))
            .ToString(CultureInfo.InvariantCulture);

        await OpenLoop.RunAsync(rate, WarmUp, ProfileAsync, ct);
        MemoryProbe.ResetPeak(api.Process.Pid);
        var cpuBefore = context.Cpu(api.Process.Pid);
        var run = await OpenLoop.RunAsync(rate, options.ReadDuration, ProfileAsync, ct);
        var cpu = CpuProbe.Describe(cpuBefore, context.Cpu(api.Process.Pid), run.Elapsed, "API");
        var memory = api.Process.Memory();
        var stats = run.Stats();
        var hot = run.Stats(i => records[i] == DataPlan.HotRecord);
        var sizes = await context.Postgres.ScalarAsync<string>(BenchContext.LedgerDatabase,
            "select 'profile document JSON: hot record ' "
            + $"|| (select octet_length(data::text) from {LedgerEventStore.ProfileTable} "
            + $"where id = '{DataPlan.StreamId(DataPlan.HotRecord)}') || ' bytes, median ' "
            + "|| (select percentile_disc(0.5) within group (order by octet_length(data::text)) "
            + $"from {LedgerEventStore.ProfileTable}) || ' bytes'", ct);
        var hotParts = await context.Postgres.ScalarAsync<string>(BenchContext.LedgerDatabase,
            "select 'hot record by field: ' || string_agg(key || ' ' || octet_length(value::text), ', ' "
            + $"order by octet_length(value::text) desc) from {LedgerEventStore.ProfileTable}, jsonb_each(data) "
            + $"where id = '{DataPlan.StreamId(DataPlan.HotRecord)}' and octet_length(value::text) >= 1000", ct);
        context.Table.Add(new ResultRow(name, "ledger: GET /api/authors/{id}").WithStats(stats) with
        {
            Ratio = Format.Ratio(stats.P99Ms / liveStats.P99Ms) + " p99 of /health/live",
            Target = $"p99 < {Format.Number(TargetP99Ms)} ms: {Format.Met(stats.P99Ms < TargetP99Ms)}",
            PeakRss = memory is { } m ? Format.MiB(m.PeakMiB) : "n/a",
            Note = FollowScenario.Join($"hot record p50 {Format.Ms(hot.P50Ms)} ms, p99 {Format.Ms(hot.P99Ms)} ms",
                $"max {Format.Ms(stats.MaxMs)} ms", sizes, hotParts, Lag(run), cpu,
                FollowScenario.Statuses(run, "200")),
        });
        context.Log($"profile reads: p99 {Format.Ms(stats.P99Ms)} ms at {Format.Number(rate)}/s");
    }

    private static string Lag(LoadRun run) =>
        run.SendLag is { } lag ? $"send lag p99 {Format.Ms(lag.P99Ms)} ms (in the latency)" : "";

    private static int[] Records(DataPlan plan, int count)
    {
        var random = new Random(DataPlan.Seed + 5);
        return Enumerable.Range(0, count)
            .Select(_ => random.NextDouble() < HotShare ? DataPlan.HotRecord : 1 + random.Next(plan.Records - 1))
            .ToArray();
    }
}
