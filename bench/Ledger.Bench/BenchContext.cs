using System.Diagnostics;
using Ledger.Bench.Data;
using Ledger.Bench.Infrastructure;
using Ledger.Bench.Reporting;

namespace Ledger.Bench;

/// <summary>What every scenario shares: the server, the API launcher, tokens, the data plan, the sizes and the result
/// table.</summary>
public sealed class BenchContext(BenchOptions options, Postgres postgres, LedgerApi api, Tokens tokens, DataPlan plan,
    ChildProcesses children)
{
    public const string LedgerDatabase = "ledger";
    public const string RebuildDatabase = "ledger_rebuild";
    public const string RawDatabase = "bench_raw";

    private readonly long started = Stopwatch.GetTimestamp();

    public BenchOptions Options { get; } = options;

    public Postgres Postgres { get; } = postgres;

    public LedgerApi Api { get; } = api;

    public Tokens Tokens { get; } = tokens;

    public DataPlan Plan { get; } = plan;

    public ChildProcesses Children { get; } = children;

    public ResultTable Table { get; } = new();

    /// <summary>Optional endpoints of the API under test; read from its OpenAPI document once it runs.</summary>
    public ApiFeatures Features { get; set; } = new(Invitations: false, TrustAt: false);

    /// <summary>Writes a progress line to standard error, with the time since the benchmark started.</summary>
    public void Log(string message) =>
        Console.Error.WriteLine($"[{Stopwatch.GetElapsedTime(started).TotalSeconds,6:0.0} s] {message}");

    /// <summary>True when pg_stat_statements is loaded and enabled in the ledger database.</summary>
    public bool StatementStats { get; set; }

    /// <summary>Takes a CPU snapshot of a service process, the PostgreSQL server and this process.</summary>
    public CpuSnapshot Cpu(int? servicePid) => CpuProbe.Take(servicePid, Options.PgPid);

    public Task<RunningApi> StartApiAsync(string database, string label, CancellationToken ct) =>
        RunningApi.StartAsync(Api, Postgres.ConnectionString(database), label, ct);
}
