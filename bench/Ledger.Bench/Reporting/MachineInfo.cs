using System.Globalization;
using System.Runtime.InteropServices;

namespace Ledger.Bench.Reporting;

/// <summary>The machine a run measured, from /proc and /etc/os-release, and the versions of .NET and
/// PostgreSQL.</summary>
public static class MachineInfo
{
    public static IReadOnlyList<string> Describe(string postgresVersion)
    {
        var memoryKb = ReadField("/proc/meminfo", "MemTotal:")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var memoryGiB = memoryKb is null
            ? double.NaN
            : long.Parse(memoryKb, CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
        var model = ReadField("/proc/cpuinfo", "model name")?.TrimStart(':', ' ', '\t') ?? "unknown model";
        return
        [
            $"cores: {Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)} ({model})",
            $"memory: {memoryGiB.ToString("0.0", CultureInfo.InvariantCulture)} GiB",
            $"OS: {ReadField("/etc/os-release", "PRETTY_NAME=")?.Trim('"') ?? RuntimeInformation.OSDescription}, "
                + $"kernel {ReadFirstLine("/proc/sys/kernel/osrelease")}",
            $".NET: {RuntimeInformation.FrameworkDescription}",
            $"PostgreSQL: {postgresVersion}",
        ];
    }

    private static string? ReadField(string path, string prefix)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line?[prefix.Length..].Trim();
    }

    private static string ReadFirstLine(string path) => File.Exists(path) ? File.ReadLines(path).First() : "unknown";
}
