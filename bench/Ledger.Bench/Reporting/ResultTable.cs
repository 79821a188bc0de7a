using System.Globalization;
using System.Text;
using Ledger.Bench.Load;

namespace Ledger.Bench.Reporting;

/// <summary>
/// One line of the result table. A measured line carries the ratio of its headline number to its
/// baseline line and, when the scenario has a target, whether the target is met.
/// </summary>
public sealed record ResultRow(string Scenario, string Subject)
{
    public string Count { get; init; } = "";

    public string Rate { get; init; } = "";

    public string P50 { get; init; } = "";

    public string P95 { get; init; } = "";

    public string P99 { get; init; } = "";

    public string Ratio { get; init; } = "";

    public string Target { get; init; } = "";

    public string PeakRss { get; init; } = "";

    public string Note { get; init; } = "";

    /// <summary>Fills count, rate and percentiles from load statistics; the rate is per second.</summary>
    public ResultRow WithStats(LatencyStats stats, string unit = "req/s") =>
        this with
        {
            Count = stats.Count.ToString("N0", CultureInfo.InvariantCulture),
            Rate = $"{Format.Number(stats.PerSecond)} {unit}",
            P50 = Format.Ms(stats.P50Ms),
            P95 = Format.Ms(stats.P95Ms),
            P99 = Format.Ms(stats.P99Ms),
        };
}

public static class Format
{
    public static string Number(double value) =>
        double.IsNaN(value) ? "n/a"
        : value >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture)
        : value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Ms(double value) =>
        double.IsNaN(value) ? "n/a"
        : value >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture)
        : value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Ratio(double value) =>
        double.IsNaN(value) || double.IsInfinity(value) ? "n/a"
        : "×" + value.ToString(value < 0.1 ? "0.0000" : "0.00", CultureInfo.InvariantCulture);

    public static string MiB(double value) =>
        double.IsNaN(value) ? "n/a" : value.ToString("N0", CultureInfo.InvariantCulture) + " MiB";

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    public static string Seconds(TimeSpan time) =>
        time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static string Met(bool met) => met ? "met" : "missed";
}

/// <summary>The rows of a run, printed as one Markdown table.</summary>
public sealed class ResultTable
{
    private static readonly string[] Headers =
    [
        "scenario", "subject", "count", "rate", "p50 ms", "p95 ms", "p99 ms", "ratio to baseline", "target",
        "service peak RSS", "note",
    ];

    private readonly List<ResultRow> rows = [];

    public IReadOnlyList<ResultRow> Rows => rows;

    public void Add(ResultRow row) => rows.Add(row);

    public string ToMarkdown()
    {
        var cells = rows.Select(r => new[]
        {
            r.Scenario, r.Subject, r.Count, r.Rate, r.P50, r.P95, r.P99, r.Ratio, r.Target, r.PeakRss, r.Note,
        }).ToList();
        var widths = Headers.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length)))
            .ToArray();

        var builder = new StringBuilder();
        AppendLine(builder, Headers, widths);
        builder.Append('|');
        foreach (var width in widths)
        {
            builder.Append(' ').Append(new string('-', width)).Append(" |");
        }

        builder.Append('\n');
        foreach (var row in cells)
        {
            AppendLine(builder, row, widths);
        }

        return builder.ToString();
    }

    private static void AppendLine(StringBuilder builder, string[] cells, int[] widths)
    {
        builder.Append('|');
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i].Replace("|", "\\|", StringComparison.Ordinal);
            builder.Append(' ').Append(cell.PadRight(widths[i])).Append(" |");
        }

        builder.Append('\n');
    }
}
