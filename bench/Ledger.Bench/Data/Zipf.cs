namespace Ledger.Bench.Data;

/// <summary>
/// Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^exponent, so rank 0 is the most
/// frequent. With exponent 1 and n = 3,500, rank 0 gets about 11 % of the draws.
/// </summary>
public sealed class Zipf
{
    private readonly double[] cumulative;

    public Zipf(int n, double exponent)
    {
        cumulative = new double[n];
        var total = 0.0;
        for (var rank = 0; rank < n; rank++)
        {
            total += 1 / Math.Pow(rank + 1, exponent);
            cumulative[rank] = total;
        }

        for (var rank = 0; rank < n; rank++)
        {
            cumulative[rank] /= total;
        }
    }

    public int Next(Random random)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }
}
