using System.Globalization;

namespace Ledger.Bench.Infrastructure;

/// <summary>Where the benchmark finds the built API and how it starts it on one database.</summary>
public sealed class LedgerApi(string apiDll, string logDirectory, ChildProcesses children)
{
    private int starts;

    public string ApiDirectory => Path.GetDirectoryName(apiDll)!;

    /// <summary>
    /// Environment of every API process: Development settings (whose signing key the benchmark's
    /// tokens use), no seed import, and the async daemon on this one node.
    /// </summary>
    public static Dictionary<string, string> Environment(string connectionString, string? urls) =>
        new()
        {
            ["ConnectionStrings__Ledger"] = connectionString,
            ["ASPNETCORE_URLS"] = urls ?? "",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Ledger__ImportSeedsAtStartup"] = "false",
            ["Ledger__ProjectionDistribution"] = "Solo",
        };

    /// <summary>Starts `dotnet Ledger.Api.dll` on a free port of 127.0.0.1, from its own folder so it finds its
    /// settings.</summary>
    public (ServiceProcess Process, Uri BaseUri) StartServer(string connectionString, string label)
    {
        var port = ServiceProcess.FreePort();
        var baseUri = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var process = ServiceProcess.Start("dotnet", [apiDll], ApiDirectory,
            Environment(connectionString, baseUri.ToString().TrimEnd('/')), NextLog(label), children);
        return (process, baseUri);
    }

    /// <summary>Starts a command of the API's command line, such as "projections rebuild".</summary>
    public ServiceProcess StartCommand(string connectionString, string label, params string[] arguments) =>
        ServiceProcess.Start("dotnet", [apiDll, .. arguments], ApiDirectory, Environment(connectionString, null),
            NextLog(label), children);

    public string NextLog(string label)
    {
        var number = Interlocked.Increment(ref starts);
        return Path.Combine(logDirectory, $"{number:00}-{label}.log");
    }
}
