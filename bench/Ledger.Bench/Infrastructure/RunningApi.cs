namespace Ledger.Bench.Infrastructure;

/// <summary>An API process that listens on its base URI, with an HTTP client for it.</summary>
public sealed class RunningApi : IAsyncDisposable
{
    private readonly HttpClient http;

    private RunningApi(ServiceProcess process, Uri baseUri, TimeSpan startup)
    {
        Process = process;
        BaseUri = baseUri;
        Startup = startup;
        http = LedgerClient.CreateHttpClient(baseUri);
        Client = new LedgerClient(http);
    }

    public ServiceProcess Process { get; }

    public Uri BaseUri { get; }

    /// <summary>Time from the process start to the first 200 of /health/live.</summary>
    public TimeSpan Startup { get; }

    public LedgerClient Client { get; }

    public static async Task<RunningApi> StartAsync(LedgerApi api, string connectionString, string label,
        CancellationToken ct)
    {
        var (process, baseUri) = api.StartServer(connectionString, label);
        try
        {
            var startup = await process.WaitForLiveAsync(baseUri, TimeSpan.FromSeconds(90), ct);
            return new RunningApi(process, baseUri, startup);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Process.DisposeAsync();
    }
}
