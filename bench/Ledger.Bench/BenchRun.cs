using System.Diagnostics;
using Ledger.Bench.Data;
using Ledger.Bench.Infrastructure;
using Ledger.Bench.Reporting;
using Ledger.Bench.Scenarios;
using Npgsql;

namespace Ledger.Bench;

/// <summary>Runs the scenarios in order on the server given in the options and prints the machine and the result
/// table.</summary>
public static class BenchRun
{
    public static async Task RunAsync(BenchOptions options, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        Directory.CreateDirectory(options.LogDirectory);
        var postgres = new Postgres(options.PgHost, options.PgPort, options.PgUser);
        var children = new ChildProcesses(options.PidFile);
        var api = new LedgerApi(options.ApiDll, options.LogDirectory, children);
        var settings = Path.Combine(api.ApiDirectory, "appsettings.Development.json");
        var signer = TokenSigner.FromDevelopmentSettings(settings);
        var plan = new DataPlan(options.Records, options.Followers, options.Claims);
        var context = new BenchContext(options, postgres, api, new Tokens(signer), plan, children);
        var scenarios = options.Scenarios;

        var machine = MachineInfo.Describe(await postgres.ServerVersionAsync(ct));
        string[] databases = [BenchContext.LedgerDatabase, BenchContext.RebuildDatabase, BenchContext.RawDatabase];
        foreach (var database in databases)
        {
            await postgres.RecreateDatabaseAsync(database, ct);
        }

        context.StatementStats = await postgres.TryEnableStatementStatsAsync(BenchContext.LedgerDatabase, ct)
            && await postgres.TryEnableStatementStatsAsync(BenchContext.RawDatabase, ct);
        if (scenarios.Overlaps(["follow", "mixed", "reads", "cold-start"]))
        {
            await RunHttpScenariosAsync(context, ct);
        }

        if (scenarios.Contains("cold-start"))
        {
            await ColdStartScenario.RunAsync(context, ct);
        }

        if (scenarios.Contains("rebuild"))
        {
            await RunEventLogScenariosAsync(context, ct);
        }

        Console.WriteLine();
        foreach (var line in machine)
        {
            Console.WriteLine(line);
        }

        var elapsed = Format.Seconds(Stopwatch.GetElapsedTime(started));
        Console.WriteLine($"run: {(options.Quick ? "--quick" : "full")}, {elapsed}, "
            + $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; API and service logs in {options.LogDirectory}");
        Console.WriteLine();
        Console.Write(context.Table.ToMarkdown());
    }

    private static async Task RunHttpScenariosAsync(BenchContext context, CancellationToken ct)
    {
        var scenarios = context.Options.Scenarios;
        await using var api = await context.StartApiAsync(BenchContext.LedgerDatabase, "api", ct);
        context.Features = await ApiFeatures.ReadAsync(api.Client, ct);
        context.Log(
            $"API pid {api.Process.Pid} on {api.BaseUri} after {Format.Seconds(api.Startup)}; {context.Features}");
        await Seeding.RunAsync(context, api, context.Features, ct);

        if (scenarios.Contains("follow"))
        {
            await FollowScenario.RunAsync(context, api, ct);
        }

        if (scenarios.Contains("mixed"))
        {
            await MixedScenario.RunAsync(context, api, ct);
        }

        if (scenarios.Contains("reads"))
        {
            var wait = await context.Postgres.WaitForProjectionsAsync(BenchContext.LedgerDatabase,
                TimeSpan.FromMinutes(3), ct);
            context.Log($"views caught up {Format.Seconds(wait)} after the last command");
            await ProfileReadScenario.RunAsync(context, api, ct);
        }
    }

    private static async Task RunEventLogScenariosAsync(BenchContext context, CancellationToken ct)
    {
        var database = BenchContext.RebuildDatabase;
        var connectionString = context.Postgres.ConnectionString(database);
        await CreateSchemaAsync(context, ct);

        var data = new RebuildData(context.Options.RebuildRounds);
        using (var store = LedgerEventStore.Create(connectionString))
        {
            var elapsed = await BulkEventLoader.LoadAsync(store, connectionString, data.Events(), ct);
            context.Log($"loaded {data.EventCount:N0} events with COPY in {Format.Seconds(elapsed)}");
        }

        await RebuildScenario.RunAsync(context, data.EventCount, ct);
        await TrustAsOfScenario.RunAsync(context, data, ct);
    }

    // The API creates the ledger schema when it starts; the rebuild data set is then loaded into its tables.
    private static async Task CreateSchemaAsync(BenchContext context, CancellationToken ct)
    {
        await using var api = await context.StartApiAsync(BenchContext.RebuildDatabase, "schema", ct);
        context.Features = await ApiFeatures.ReadAsync(api.Client, ct);
        var deadline = Stopwatch.GetTimestamp() + 60 * Stopwatch.Frequency;
        while (!await context.Postgres.ScalarAsync<bool>(BenchContext.RebuildDatabase,
            $"select to_regclass('{LedgerEventStore.Schema}.mt_events') is not null "
            + $"and to_regclass('{LedgerEventStore.Schema}.mt_event_progression') is not null", ct))
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException("The API did not create the ledger schema within 60 s; see its log.");
            }

            await Task.Delay(200, ct);
        }

        NpgsqlConnection.ClearAllPools();
    }
}
