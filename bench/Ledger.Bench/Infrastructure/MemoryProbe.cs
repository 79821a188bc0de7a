using System.Globalization;

namespace Ledger.Bench.Infrastructure;

/// <summary>Resident set size of a process, in KiB, from the VmRSS and VmHWM lines of /proc/PID/status.</summary>
/// <param name="PeakKb">VmHWM: the largest resident set since the process started or since its peak was reset.</param>
public readonly record struct MemorySample(long ResidentKb, long PeakKb)
{
    public double ResidentMiB => ResidentKb / 1024.0;

    public double PeakMiB => PeakKb / 1024.0;
}

public static class MemoryProbe
{
    /// <summary>Reads the memory lines of a running process; returns null once the process has exited.</summary>
    public static MemorySample? Read(int pid)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid}/status");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        long resident = 0;
        long peak = 0;
        foreach (var line in lines)
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                resident = ParseKb(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = ParseKb(line);
            }
        }

        return new MemorySample(resident, peak);
    }

    /// <summary>
    /// Resets the process's VmHWM to its current resident set by writing 5 to /proc/PID/clear_refs
    /// (Linux 4.0 and later), so that the next reading is the peak of one scenario only.
    /// Returns false when the kernel refused the reset.
    /// </summary>
    public static bool ResetPeak(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long ParseKb(string line)
    {
        // Format: "VmRSS:\t  146520 kB"
        var value = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return long.Parse(space < 0 ? value : value[..space], CultureInfo.InvariantCulture);
    }
}
