using System.Globalization;

namespace Ledger.Bench.Infrastructure;

/// <summary>
/// The ids of the service processes this run started, kept in a file so that bench/run.sh can
/// stop any that are left when the benchmark itself is killed.
/// </summary>
public sealed class ChildProcesses(string? pidFile)
{
    private readonly Lock gate = new();
    private readonly HashSet<int> pids = [];

    public void Add(int pid)
    {
        lock (gate)
        {
            pids.Add(pid);
            Write();
        }
    }

    public void Remove(int pid)
    {
        lock (gate)
        {
            pids.Remove(pid);
            Write();
        }
    }

    private void Write()
    {
        if (pidFile is not null)
        {
            File.WriteAllLines(pidFile, pids.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
