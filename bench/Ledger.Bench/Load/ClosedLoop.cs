using System.Diagnostics;

namespace Ledger.Bench.Load;

/// <summary>The outcome of one operation of a load run: its latency and a label to count, such as the HTTP
/// status.</summary>
public readonly record struct OperationResult(double LatencyMs, string Outcome);

/// <summary>A finished load run: the latency of each completed operation, in order of index, and the wall
/// time.</summary>
public sealed record LoadRun(OperationResult[] Results, TimeSpan Elapsed, bool TimedOut)
{
    /// <summary>Of an open-loop run: how late each operation started after its scheduled time, in
    /// milliseconds.</summary>
    public LatencyStats? SendLag { get; init; }

    public LatencyStats Stats(Func<int, bool>? include = null)
    {
        var latencies = new List<double>(Results.Length);
        for (var i = 0; i < Results.Length; i++)
        {
            if (Results[i].Outcome is not null && (include is null || include(i)))
            {
                latencies.Add(Results[i].LatencyMs);
            }
        }

        return LatencyStats.From(latencies, Elapsed);
    }

    /// <summary>Counts the completed operations by outcome label.</summary>
    public IReadOnlyDictionary<string, int> Outcomes(Func<int, bool>? include = null)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Results.Length; i++)
        {
            var outcome = Results[i].Outcome;
            if (outcome is not null && (include is null || include(i)))
            {
                counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
            }
        }

        return counts;
    }
}

/// <summary>
/// Runs operations back to back on a fixed number of workers: each worker takes the next index and
/// starts it when the previous one has finished. Stops after <c>count</c> operations or at the time limit.
/// </summary>
public static class ClosedLoop
{
    public static async Task<LoadRun> RunAsync(int count, int concurrency, TimeSpan timeLimit,
        Func<int, CancellationToken, Task<string>> operation, CancellationToken ct)
    {
        var results = new OperationResult[count];
        var next = -1;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeLimit);

        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while (!limit.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < count)
            {
                var begin = Stopwatch.GetTimestamp();
                string outcome;
                try
                {
                    outcome = await operation(index, limit.Token);
                }
                catch (OperationCanceledException) when (limit.IsCancellationRequested)
                {
                    return;
                }
                catch (OperationCanceledException)
                {
                    outcome = "timeout";
                }
                catch (HttpRequestException exception)
                {
                    outcome = "error:" + exception.HttpRequestError;
                }

                results[index] = new OperationResult(Stopwatch.GetElapsedTime(begin).TotalMilliseconds, outcome);
            }
        }, CancellationToken.None)).ToArray();

        await Task.WhenAll(workers);
        ct.ThrowIfCancellationRequested();
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new LoadRun(results, elapsed, limit.IsCancellationRequested);
    }
}
