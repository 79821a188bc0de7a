using System.Globalization;

namespace Ledger.Bench.Infrastructure;

/// <summary>CPU time in clock ticks of the processes a run cares about, read from /proc at one moment.</summary>
/// <param name="Service">The API or rebuild process.</param>
/// <param name="Postgres">The postmaster with its reaped children, plus its live children.</param>
/// <param name="Bench">This benchmark process, which also generates the load.</param>
/// <param name="MachineBusy">Busy ticks of all cores; idle and iowait count as not busy.</param>
public readonly record struct CpuSnapshot(long Service, long Postgres, long Bench, long MachineBusy, long MachineTotal);

public static class CpuProbe
{
    /// <summary>Clock ticks per second of /proc times; 100 on Linux x86-64 (USER_HZ).</summary>
    public const double TicksPerSecond = 100;

    public static CpuSnapshot Take(int? servicePid, int? postmasterPid)
    {
        var (busy, total) = MachineTicks();
        return new CpuSnapshot(
            servicePid is { } service ? ProcessTicks(service, includeReaped: false) ?? 0 : 0,
            postmasterPid is { } postmaster ? PostgresTicks(postmaster) : 0,
            ProcessTicks(Environment.ProcessId, includeReaped: false) ?? 0,
            busy,
            total);
    }

    /// <summary>
    /// Describes the cores each part used between two snapshots, such as "CPU cores: service 0.90,
    /// PostgreSQL 0.60, bench 0.30, other 0.15, machine 98 % busy". "Other" is the rest of the
    /// machine's busy time: processes of other users of the machine, and the kernel.
    /// </summary>
    public static string Describe(CpuSnapshot before, CpuSnapshot after, TimeSpan elapsed, string serviceName)
    {
        double Cores(long ticks) => ticks / TicksPerSecond / elapsed.TotalSeconds;
        var cores = Environment.ProcessorCount;
        var machine = (after.MachineBusy - before.MachineBusy)
            / (double)Math.Max(1, after.MachineTotal - before.MachineTotal);
        var service = Cores(after.Service - before.Service);
        var postgres = Cores(after.Postgres - before.Postgres);
        var bench = Cores(after.Bench - before.Bench);
        var other = Math.Max(0, machine * cores - service - postgres - bench);
        return string.Create(CultureInfo.InvariantCulture,
            $"CPU cores: {serviceName} {service:0.00}, PostgreSQL {postgres:0.00}, bench {bench:0.00}, "
            + $"other {other:0.00}; "
            + $"machine {machine * 100:0} % busy");
    }

    /// <summary>Returns utime + stime of a process (and cutime + cstime when asked), or null once it has
    /// exited.</summary>
    public static long? ProcessTicks(int pid, bool includeReaped)
    {
        var fields = StatFields(pid);
        if (fields is null)
        {
            return null;
        }

        var ticks = Field(fields, 11) + Field(fields, 12);
        return includeReaped ? ticks + Field(fields, 13) + Field(fields, 14) : ticks;
    }

    // The postmaster's reaped children are in its cutime and cstime, so a backend that exits between
    // two snapshots moves its time from the live children to the postmaster and the total stays right.
    private static long PostgresTicks(int postmasterPid)
    {
        var total = ProcessTicks(postmasterPid, includeReaped: true) ?? 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == postmasterPid)
            {
                continue;
            }

            var fields = StatFields(pid);
            if (fields is not null && Field(fields, 1) == postmasterPid)
            {
                total += Field(fields, 11) + Field(fields, 12);
            }
        }

        return total;
    }

    private static (long Busy, long Total) MachineTicks()
    {
        var fields = File.ReadLines("/proc/stat").First()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        var idle = fields[3] + fields[4];
        return (total - idle, total);
    }

    // The fields of /proc/PID/stat after the command name, which is in brackets and may contain
    // spaces: state is index 0, ppid 1, utime 11, stime 12, cutime 13 and cstime 14 (fields 3 to 17 of proc(5)).
    private static string[]? StatFields(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Field(string[] fields, int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);
}
