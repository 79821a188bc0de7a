namespace Ledger.Bench.Load;

/// <summary>Throughput and latency percentiles of one measured run.</summary>
/// <param name="Count">Requests or operations that completed, successful or not.</param>
/// <param name="Elapsed">Wall-clock time from the first request sent to the last response received.</param>
public sealed record LatencyStats(int Count, TimeSpan Elapsed, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public double PerSecond => Elapsed > TimeSpan.Zero ? Count / Elapsed.TotalSeconds : 0;

    /// <summary>Computes nearest-rank percentiles of latencies given in milliseconds.</summary>
    public static LatencyStats From(IReadOnlyCollection<double> latenciesMs, TimeSpan elapsed)
    {
        if (latenciesMs.Count == 0)
        {
            return new LatencyStats(0, elapsed, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = latenciesMs.ToArray();
        Array.Sort(sorted);
        return new LatencyStats(sorted.Length, elapsed, Percentile(sorted, 50), Percentile(sorted, 95),
            Percentile(sorted, 99), sorted[^1]);
    }

    /// <summary>Returns the nearest-rank percentile of an ascending array.</summary>
    public static double Percentile(double[] sorted, double percent)
    {
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
