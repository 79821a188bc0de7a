using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Ledger.Bench.Infrastructure;

/// <summary>
/// A process this benchmark started: the ledger API, its rebuild command or the empty baseline
/// app. Its standard output and error go to a log file, and disposing it stops it.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    private readonly Process process;
    private readonly ChildProcesses children;
    private readonly StreamWriter log;

    private ServiceProcess(Process process, ChildProcesses children, StreamWriter log, long startedAt)
    {
        this.process = process;
        this.children = children;
        this.log = log;
        StartedAt = startedAt;
    }

    public int Pid => process.Id;

    /// <summary>The Stopwatch timestamp taken just before the process was started.</summary>
    public long StartedAt { get; }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public static ServiceProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, string logPath, ChildProcesses children)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => WriteLine(log, e.Data);
        process.ErrorDataReceived += (_, e) => WriteLine(log, e.Data);

        var startedAt = Stopwatch.GetTimestamp();
        process.Start();
        children.Add(process.Id);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(process, children, log, startedAt);
    }

    /// <summary>
    /// Polls GET {baseUri}/health/live every 10 ms until it returns 200, and returns the time from the
    /// process start. Fails when the process exits first or the timeout passes.
    /// </summary>
    public async Task<TimeSpan> WaitForLiveAsync(Uri baseUri, TimeSpan timeout, CancellationToken ct)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var probe = new Uri(baseUri, "/health/live");
        while (Stopwatch.GetTimestamp() < deadline)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The process {Pid} exited with code {process.ExitCode} before {probe} returned 200; see its log.");
            }

            try
            {
                using var response = await client.GetAsync(probe, ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return Stopwatch.GetElapsedTime(StartedAt);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(10, ct);
        }

        throw new TimeoutException($"GET {probe} did not return 200 within {timeout.TotalSeconds:0} s.");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"The process {Pid} did not exit within {timeout.TotalSeconds:0} s.");
        }

        return process.ExitCode;
    }

    public MemorySample? Memory() => MemoryProbe.Read(Pid);

    /// <summary>Stops the process with SIGTERM, and with SIGKILL when it has not exited within 20 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var limit = new CancellationTokenSource(StopTimeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        children.Remove(Pid);
        process.Dispose();
        await log.DisposeAsync();
    }

    /// <summary>Returns a TCP port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void WriteLine(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }
}
