using System.Diagnostics;

namespace Ledger.Bench.Load;

/// <summary>
/// Sends operations at a fixed rate, each at its scheduled time whether or not earlier ones have
/// finished, and measures each latency from the scheduled time. A slow response therefore delays
/// no later request, and queueing shows up in the latency instead of lowering the rate.
/// </summary>
public static class OpenLoop
{
    public static async Task<LoadRun> RunAsync(double perSecond, TimeSpan duration,
        Func<int, CancellationToken, Task<string>> operation, CancellationToken ct)
    {
        var count = (int)(perSecond * duration.TotalSeconds);
        var results = new OperationResult[count];
        var sendLag = new double[count];
        var pending = new Task[count];
        var ticksPerOperation = Stopwatch.Frequency / perSecond;

        // Responses that never come are cut off, so the run stops by itself.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(duration + TimeSpan.FromSeconds(30));

        // The dispatcher sleeps about 1 ms between rounds and then starts every operation that is due,
        // so it does not spin a core. The lag from the scheduled time to the start counts in the latency.
        var started = Stopwatch.GetTimestamp();
        var dispatcher = new Thread(() =>
        {
            var next = 0;
            while (next < count && !limit.IsCancellationRequested)
            {
                var now = Stopwatch.GetTimestamp();
                while (next < count && started + (long)(next * ticksPerOperation) <= now)
                {
                    var index = next++;
                    var due = started + (long)(index * ticksPerOperation);
                    sendLag[index] = (now - due) * 1000.0 / Stopwatch.Frequency;
                    pending[index] = Task.Run(() => RunOneAsync(index, due), CancellationToken.None);
                }

                Thread.Sleep(1);
            }
        })
        { IsBackground = true, Name = "open-loop dispatcher" };
        dispatcher.Start();
        await Task.Run(dispatcher.Join, CancellationToken.None);

        await Task.WhenAll(pending.Where(t => t is not null));
        ct.ThrowIfCancellationRequested();
        var dispatched = pending.Count(t => t is not null);
        return new LoadRun(results, Stopwatch.GetElapsedTime(started), limit.IsCancellationRequested)
        {
            SendLag = LatencyStats.From(sendLag.Take(dispatched).ToArray(), TimeSpan.Zero),
        };

        async Task RunOneAsync(int index, long due)
        {
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

            results[index] = new OperationResult(Stopwatch.GetElapsedTime(due).TotalMilliseconds, outcome);
        }
    }
}
