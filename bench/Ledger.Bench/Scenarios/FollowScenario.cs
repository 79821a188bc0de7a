using System.Globalization;
using Ledger.Bench.Data;
using Ledger.Bench.Infrastructure;
using Ledger.Bench.Load;
using Ledger.Bench.Reporting;

namespace Ledger.Bench.Scenarios;

/// <summary>
/// Scenario 1: follows over HTTP by distinct accounts at several concurrency levels, each level
/// right after its raw-insert baseline. Every account already exists (seeding registered it), and
/// every follow is of a record the account does not follow yet, so each request appends exactly one event.
/// </summary>
public static class FollowScenario
{
    public const int TargetConcurrency = 16;
    public const double TargetRatio = 0.5;

    // Successive levels shift an account's target by 167 of the 500 fresh records, so no account follows a record
    // twice.
    private const int LevelShift = 167;

    public static async Task RunAsync(BenchContext context, RunningApi api, CancellationToken ct)
    {
        var plan = context.Plan;
        var options = context.Options;
        var count = Math.Min(options.FollowsPerLevel, plan.Followers);
        await using var raw = await RawInsertBaseline.CreateAsync(
            context.Postgres.ConnectionString(BenchContext.RawDatabase, maxPoolSize: 100), ct);

        for (var level = 0; level < options.FollowConcurrency.Count; level++)
        {
            var concurrency = options.FollowConcurrency[level];
            var name = $"1 follow, c={concurrency.ToString(CultureInfo.InvariantCulture)}";

            var statements = concurrency == TargetConcurrency && context.StatementStats;
            if (statements)
            {
                await context.Postgres.ResetStatementStatsAsync(BenchContext.RawDatabase, ct);
            }

            var baselineCpu = context.Cpu(null);
            var baseline = await raw.RunAsync(count, concurrency, options.LoadTimeLimit, ct);
            var baselineCpuText = CpuProbe.Describe(baselineCpu, context.Cpu(null), baseline.Elapsed, "no service");
            var baselineStatements = statements
                ? StatementsPerOperation(
                    await context.Postgres.StatementStatsAsync(BenchContext.RawDatabase, ct), count, "insert")
                : "";
            var baselineStats = baseline.Stats();
            context.Table.Add(new ResultRow(name, "baseline: Npgsql insert of one event row per transaction")
                .WithStats(baselineStats) with
                {
                    Note = Join(baselineCpuText, baselineStatements, TimedOut(baseline)),
                });

            var tokens = Enumerable.Range(0, count)
                .Select(i => context.Tokens.Researcher(DataPlan.FollowerSubject(i))).ToArray();
            var shift = level * LevelShift;
            MemoryProbe.ResetPeak(api.Process.Pid);
            if (statements)
            {
                await context.Postgres.ResetStatementStatsAsync(BenchContext.LedgerDatabase, ct);
            }

            var cpuBefore = context.Cpu(api.Process.Pid);
            var run = await ClosedLoop.RunAsync(count, concurrency, options.LoadTimeLimit, async (i, token) =>
            {
                var record = plan.Records - DataPlan.FreshRecords + (i + shift) % DataPlan.FreshRecords;
                var status = await api.Client.FollowAsync(DataPlan.AuthorId(record), tokens[i], token);
                return status.ToString(CultureInfo.InvariantCulture);
            }, ct);
            var cpu = CpuProbe.Describe(cpuBefore, context.Cpu(api.Process.Pid), run.Elapsed, "API");
            var memory = api.Process.Memory();
            var statementNote = "";
            if (statements)
            {
                // The views follow within about a second; their statements belong to the follows too.
                await context.Postgres.WaitForProjectionsAsync(BenchContext.LedgerDatabase, TimeSpan.FromMinutes(1),
                    ct);
                var ledgerStatements = await context.Postgres.StatementStatsAsync(BenchContext.LedgerDatabase, ct);
                statementNote = StatementsPerOperation(ledgerStatements, count, "follow, views included");
                context.Log("top statements by execution time during the follows: "
                    + string.Join(" | ", ledgerStatements.Top));
            }

            var stats = run.Stats();
            var ratio = stats.PerSecond / baselineStats.PerSecond;
            var isTarget = concurrency == TargetConcurrency;
            context.Table.Add(new ResultRow(name, "ledger: POST /api/authors/{id}/follow")
                .WithStats(stats) with
                {
                    Ratio = Format.Ratio(ratio) + " throughput",
                    Target = isTarget
                        ? $"≥ ×{TargetRatio.ToString("0.0", CultureInfo.InvariantCulture)}: "
                            + Format.Met(ratio >= TargetRatio)
                        : "",
                    PeakRss = memory is { } m ? Format.MiB(m.PeakMiB) : "n/a",
                    Note = Join(cpu, statementNote, Statuses(run, "200"), TimedOut(run)),
                });
            context.Log($"follow c={concurrency}: ledger {Format.Number(stats.PerSecond)}/s, raw "
                + $"{Format.Number(baselineStats.PerSecond)}/s");
        }
    }

    private static string StatementsPerOperation((long Calls, double ExecutionMs, IReadOnlyList<string> Top) statements,
        int count, string operation) =>
        string.Create(CultureInfo.InvariantCulture,
            $"PostgreSQL per {operation}: {statements.Calls / (double)count:0.0} statements, "
            + $"{statements.ExecutionMs / count:0.00} ms execution");

    /// <summary>Describes outcomes other than the expected one, such as "3 × 409", or returns "".</summary>
    public static string Statuses(LoadRun run, string expected)
    {
        var others = run.Outcomes().Where(o => o.Key != expected).Select(o => $"{o.Value} × {o.Key}").ToList();
        return others.Count == 0 ? "" : "not " + expected + ": " + string.Join(", ", others);
    }

    public static string TimedOut(LoadRun run) => run.TimedOut ? "stopped at the time limit" : "";

    public static string Join(params string[] parts) => string.Join("; ", parts.Where(p => p.Length > 0));
}
