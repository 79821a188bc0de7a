using System.Globalization;
using Ledger.Bench.Data;
using Ledger.Bench.Infrastructure;
using Ledger.Bench.Load;
using Ledger.Bench.Reporting;

namespace Ledger.Bench.Scenarios;

/// <summary>
/// Scenario 6: time from starting `dotnet Ledger.Api.dll` on the seeded ledger to the first 200 of
/// GET /health/live, and then to the first 200 of a profile read. Each ledger start alternates with
/// a start of the empty ASP.NET Core app, the baseline.
/// </summary>
public static class ColdStartScenario
{
    public static async Task RunAsync(BenchContext context, CancellationToken ct)
    {
        var live = new List<double>();
        var firstRead = new List<double>();
        var peaks = new List<double>();
        var empty = new List<double>();
        var connectionString = context.Postgres.ConnectionString(BenchContext.LedgerDatabase);

        for (var i = 0; i < context.Options.ColdStarts; i++)
        {
            await using (var api = await RunningApi.StartAsync(context.Api, connectionString, "cold-start", ct))
            {
                live.Add(api.Startup.TotalMilliseconds);
                var status = await api.Client.GetAsync($"/api/authors/{DataPlan.AuthorId(DataPlan.HotRecord)}", ct);
                firstRead.Add(System.Diagnostics.Stopwatch.GetElapsedTime(api.Process.StartedAt).TotalMilliseconds);
                if (status != 200)
                {
                    throw new InvalidOperationException($"The first profile read after a start returned {status}.");
                }

                peaks.Add(api.Process.Memory()?.PeakMiB ?? double.NaN);
            }

            empty.Add((await StartEmptyAsync(context, ct)).TotalMilliseconds);
        }

        var name = "6 cold start";
        var emptyMedian = LatencyStats.Median(empty);
        var liveMedian = LatencyStats.Median(live);
        context.Table.Add(new ResultRow(name, "baseline: empty ASP.NET Core app to /health/live 200")
        {
            Count = $"{empty.Count.ToString(CultureInfo.InvariantCulture)} starts",
            P50 = Format.Ms(emptyMedian),
            Note = "median; all: " + Join(empty),
        });
        context.Table.Add(new ResultRow(name, "ledger: start to /health/live 200")
        {
            Count = $"{live.Count.ToString(CultureInfo.InvariantCulture)} starts",
            P50 = Format.Ms(liveMedian),
            Ratio = Format.Ratio(liveMedian / emptyMedian) + " median start",
            PeakRss = Format.MiB(LatencyStats.Median(peaks)),
            Note = $"median; all: {Join(live)}; to the first profile read 200: median "
                + $"{Format.Ms(LatencyStats.Median(firstRead))} ms",
        });
        context.Log($"cold start: median {Format.Ms(liveMedian)} ms, empty app {Format.Ms(emptyMedian)} ms");
    }

    private static async Task<TimeSpan> StartEmptyAsync(BenchContext context, CancellationToken ct)
    {
        var port = ServiceProcess.FreePort();
        var baseUri = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var benchDll = typeof(ColdStartScenario).Assembly.Location;
        await using var process = ServiceProcess.Start("dotnet", [benchDll, EmptyServer.Command],
            Path.GetDirectoryName(benchDll)!,
            new Dictionary<string, string> { ["ASPNETCORE_URLS"] = baseUri.ToString().TrimEnd('/') },
            context.Api.NextLog("empty-app"), context.Children);
        return await process.WaitForLiveAsync(baseUri, TimeSpan.FromSeconds(60), ct);
    }

    private static string Join(IEnumerable<double> values) =>
        string.Join(" ", values.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)));
}
