using System.Globalization;
using Ledger.Bench.Data;
using Ledger.Bench.Infrastructure;
using Ledger.Bench.Load;
using Ledger.Bench.Reporting;

namespace Ledger.Bench.Scenarios;

/// <summary>
/// Scenario 2: 60 % profile reads, 25 % follows and 15 % claims at a fixed concurrency. The hot run
/// sends 20 % of every kind to the hot record; its baseline is the same mix spread evenly over the
/// other records. Follows and claims come from random seeded accounts, so repeats (an account
/// following a record again, or claiming a record it already claims) happen as they would live.
/// </summary>
public static class MixedScenario
{
    private const double ReadShare = 0.60;
    private const double FollowShare = 0.25;
    private const double HotShare = 0.20;

    private enum Kind
    {
        Read,
        Follow,
        Claim,
    }

    private sealed record Operation(Kind Kind, int Record, int Account)
    {
        public bool Hot => Record == DataPlan.HotRecord;
    }

    public static async Task RunAsync(BenchContext context, RunningApi api, CancellationToken ct)
    {
        var options = context.Options;
        var name = $"2 mixed, c={options.MixedConcurrency.ToString(CultureInfo.InvariantCulture)}";

        var spread = Plan(context.Plan, options.MixedCount, hotShare: 0, seed: DataPlan.Seed + 2);
        var baseline = await RunPlanAsync(context, api, spread, ct);
        var baselineStats = baseline.Run.Stats();
        context.Table.Add(new ResultRow(name, "baseline: same mix, no hot record")
            .WithStats(baselineStats, "ops/s") with
        {
            PeakRss = baseline.PeakRss,
            Note = FollowScenario.Join(Conflicts(baseline.Run, spread, hotOnly: false), ByKind(baseline.Run, spread),
                baseline.Cpu,
                FollowScenario.TimedOut(baseline.Run)),
        });

        var hot = Plan(context.Plan, options.MixedCount, HotShare, seed: DataPlan.Seed + 3);
        var measured = await RunPlanAsync(context, api, hot, ct);
        var stats = measured.Run.Stats();
        context.Table.Add(new ResultRow(name, $"ledger: {Format.Percent(HotShare)} of each kind on the hot record")
            .WithStats(stats, "ops/s") with
            {
                Ratio = Format.Ratio(stats.PerSecond / baselineStats.PerSecond) + " throughput",
                PeakRss = measured.PeakRss,
                Note = FollowScenario.Join(Conflicts(measured.Run, hot, hotOnly: false),
                    "on the hot record " + Conflicts(measured.Run, hot, hotOnly: true), ByKind(measured.Run, hot),
                    measured.Cpu,
                    FollowScenario.TimedOut(measured.Run)),
            });
        context.Log($"mixed: hot {Format.Number(stats.PerSecond)} ops/s, "
            + $"spread {Format.Number(baselineStats.PerSecond)} ops/s");
    }

    private static async Task<(LoadRun Run, string PeakRss, string Cpu)> RunPlanAsync(BenchContext context,
        RunningApi api, Operation[] operations, CancellationToken ct)
    {
        MemoryProbe.ResetPeak(api.Process.Pid);
        var cpuBefore = context.Cpu(api.Process.Pid);
        var run = await ClosedLoop.RunAsync(operations.Length, context.Options.MixedConcurrency,
            context.Options.LoadTimeLimit,
            (i, token) => ExecuteAsync(context, api.Client, operations[i], i, token), ct);
        var cpu = CpuProbe.Describe(cpuBefore, context.Cpu(api.Process.Pid), run.Elapsed, "API");
        var memory = api.Process.Memory();
        return (run, memory is { } m ? Format.MiB(m.PeakMiB) : "n/a", cpu);
    }

    private static async Task<string> ExecuteAsync(BenchContext context, LedgerClient client, Operation operation,
        int index, CancellationToken ct)
    {
        var authorId = DataPlan.AuthorId(operation.Record);
        var subject = DataPlan.FollowerSubject(operation.Account);
        var status = operation.Kind switch
        {
            Kind.Read => await client.GetAsync($"/api/authors/{authorId}", ct),
            Kind.Follow => await client.FollowAsync(authorId, context.Tokens.Researcher(subject), ct),
            _ => (await client.ClaimAsync(authorId, context.Tokens.Researcher(subject),
                $"https://example.org/mixed/{index.ToString(CultureInfo.InvariantCulture)}", ct)).Status,
        };
        return status.ToString(CultureInfo.InvariantCulture);
    }

    private static Operation[] Plan(DataPlan plan, int count, double hotShare, int seed)
    {
        var random = new Random(seed);
        var operations = new Operation[count];
        for (var i = 0; i < count; i++)
        {
            var draw = random.NextDouble();
            var kind = Kind.Claim;
            if (draw < ReadShare)
            {
                kind = Kind.Read;
            }
            else if (draw < ReadShare + FollowShare)
            {
                kind = Kind.Follow;
            }

            var record = random.NextDouble() < hotShare
                ? DataPlan.HotRecord
                : 1 + random.Next(plan.FollowedRecords - 1);
            operations[i] = new Operation(kind, record, random.Next(plan.Followers));
        }

        return operations;
    }

    private static string Conflicts(LoadRun run, Operation[] operations, bool hotOnly)
    {
        var selected = Enumerable.Range(0, operations.Length)
            .Where(i => run.Results[i].Outcome is not null && (!hotOnly || operations[i].Hot)).ToList();
        var conflicts = selected.Count(i => run.Results[i].Outcome == "409");
        var share = selected.Count == 0 ? 0 : conflicts / (double)selected.Count;
        return $"409: {Format.Percent(share)} ({conflicts.ToString(CultureInfo.InvariantCulture)} of "
            + $"{selected.Count.ToString(CultureInfo.InvariantCulture)})";
    }

    // Per kind of operation: p99 and the statuses, such as "claim p99 80 ms 201×300 409×150".
    private static string ByKind(LoadRun run, Operation[] operations) =>
        string.Join("; ", Enum.GetValues<Kind>().Select(kind =>
        {
            bool Include(int i) => operations[i].Kind == kind;
            var stats = run.Stats(Include);
            var statuses = string.Join(" ", run.Outcomes(Include).Select(o => $"{o.Key}×{o.Value}"));
            return $"{kind.ToString().ToLowerInvariant()} p99 {Format.Ms(stats.P99Ms)} ms {statuses}";
        }));
}
