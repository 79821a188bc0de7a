using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DotNet.Testcontainers.Builders;
using Testcontainers.PostgreSql;

namespace Ledger.Tests.Infrastructure;

/// <summary>
/// PostgreSQL database for integration tests. The source is, in order: the connection string in
/// <c>LEDGER_TEST_CONNECTION_STRING</c>, a <c>postgres:15</c> container when a Docker engine runs,
/// or a throwaway cluster started from the local PostgreSQL server binaries.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ConnectionStringVariable = "LEDGER_TEST_CONNECTION_STRING";

    private const string DatabaseName = "ledger_tests";
    private const string ContainerImage = "postgres:15";

    private readonly PostgreSqlContainer? container;
    private readonly LocalCluster? cluster;

    private TestDatabase(string connectionString, PostgreSqlContainer? container, LocalCluster? cluster)
    {
        ConnectionString = connectionString;
        this.container = container;
        this.cluster = cluster;
    }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> StartAsync(CancellationToken ct = default)
    {
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new TestDatabase(external, container: null, cluster: null);
        }

        var container = await TryStartContainerAsync(ct);
        if (container is not null)
        {
            return new TestDatabase(container.GetConnectionString(), container, cluster: null);
        }

        var cluster = await LocalCluster.StartAsync(DatabaseName, ct);
        return new TestDatabase(cluster.ConnectionString, container: null, cluster);
    }

    public async ValueTask DisposeAsync()
    {
        if (container is not null)
        {
            await container.DisposeAsync();
        }

        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    /// <summary>
    /// Starts a PostgreSQL container, or returns null when no Docker engine responds so the caller can fall back.
    /// </summary>
    // NOTE: only the fallback without a Docker engine has been run; a successful container start has not.
    private static async Task<PostgreSqlContainer?> TryStartContainerAsync(CancellationToken ct)
    {
        PostgreSqlContainer? container = null;
        try
        {
            // Testcontainers throws DockerUnavailableException when no Docker endpoint responds.
            container = new PostgreSqlBuilder(ContainerImage)
                .WithDatabase(DatabaseName)
                .WithUsername("ledger")
                .WithPassword("ledger")
                .Build();
            await container.StartAsync(ct);
            return container;
        }
        catch (DockerUnavailableException)
        {
            if (container is not null)
            {
                await container.DisposeAsync();
            }

            return null;
        }
        catch
        {
            if (container is not null)
            {
                await container.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>
    /// Throwaway PostgreSQL cluster in a temporary folder, listening on 127.0.0.1 only. Durability settings
    /// are off because the data is deleted on dispose.
    /// </summary>
    private sealed class LocalCluster : IAsyncDisposable
    {
        private const string BinariesRoot = "/usr/lib/postgresql";
        private const string ServerUser = "postgres";
        private const int StartAttempts = 3;
        private const string RunuserPath = "/usr/sbin/runuser";
        private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(120);

        private readonly string binDirectory;
        private readonly string rootDirectory;
        private readonly bool runAsServerUser;
        private int stopped;

        private LocalCluster(string binDirectory, string rootDirectory, bool runAsServerUser)
        {
            this.binDirectory = binDirectory;
            this.rootDirectory = rootDirectory;
            this.runAsServerUser = runAsServerUser;
        }

        public string ConnectionString { get; private set; } = "";

        private string DataDirectory => Path.Combine(rootDirectory, "data");

        private string LogFile => Path.Combine(rootDirectory, "postgres.log");

        public static async Task<LocalCluster> StartAsync(string databaseName, CancellationToken ct)
        {
            var binDirectory = FindBinDirectory();

            // initdb and postgres exit with an error when started as root, so root runs them as the postgres OS user.
            var runAsServerUser = Environment.IsPrivilegedProcess;
            var rootDirectory = Directory.CreateTempSubdirectory("ledger-tests-pg-").FullName;
            var cluster = new LocalCluster(binDirectory, rootDirectory, runAsServerUser);
            try
            {
                await cluster.InitializeAsync(databaseName, ct);
            }
            catch (Exception startError)
            {
                try
                {
                    await cluster.DisposeAsync();
                }
                catch (Exception cleanupError)
                {
                    throw new AggregateException(startError, cleanupError);
                }

                throw;
            }

            AppDomain.CurrentDomain.ProcessExit += cluster.StopOnProcessExit;
            return cluster;
        }

        public async ValueTask DisposeAsync()
        {
            AppDomain.CurrentDomain.ProcessExit -= StopOnProcessExit;
            if (Interlocked.Exchange(ref stopped, 1) == 1)
            {
                return;
            }

            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                var result = await RunServerToolAsync(
                    "pg_ctl", ["stop", "-D", DataDirectory, "-m", "immediate", "-w"], CancellationToken.None);
                if (result.ExitCode != 0)
                {
                    throw new InvalidOperationException(
                        $"pg_ctl stop failed for the test cluster in {DataDirectory} "
                        + $"(exit code {result.ExitCode}); the folder is kept for inspection.\n{result.Output}");
                }
            }

            Directory.Delete(rootDirectory, recursive: true);
        }

        /// <summary>
        /// Stops the server when the test host exits without disposing the database, so no postgres process
        /// outlives the test run.
        /// </summary>
        private void StopOnProcessExit(object? sender, EventArgs e)
        {
            try
            {
                DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            catch (Exception exception) when (exception is InvalidOperationException or IOException
                or TimeoutException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"Failed to remove the test cluster in {rootDirectory}: {exception}");
            }
        }

        private static string FindBinDirectory()
        {
            var candidates = Directory.Exists(BinariesRoot)
                ? Directory.GetDirectories(BinariesRoot)
                    .Select(directory => (
                        Version: int.TryParse(Path.GetFileName(directory), out var version) ? version : -1,
                        Bin: Path.Combine(directory, "bin")))
                    .Where(candidate => candidate.Version >= 0
                        && File.Exists(Path.Combine(candidate.Bin, "initdb"))
                        && File.Exists(Path.Combine(candidate.Bin, "pg_ctl")))
                    .OrderByDescending(candidate => candidate.Version)
                    .ToList()
                : [];

            if (candidates.Count == 0)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL server binaries not found under {BinariesRoot}/*/bin: run apt-get install postgresql "
                    + $"or set {ConnectionStringVariable}, or start a Docker engine for Testcontainers.");
            }

            return candidates[0].Bin;
        }

        private async Task InitializeAsync(string databaseName, CancellationToken ct)
        {
            if (runAsServerUser)
            {
                var chown = await RunAsync("chown", ["-R", ServerUser, rootDirectory], asServerUser: false, ct);
                EnsureSucceeded(chown, $"chown of {rootDirectory} to the {ServerUser} user");
            }

            var initdb = await RunServerToolAsync(
                "initdb",
                ["-D", DataDirectory, "-U", ServerUser, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"],
                ct);
            var initdbHint = runAsServerUser
                ? $" The {ServerUser} user must be able to enter every parent folder of {rootDirectory}; "
                    + "if it cannot, set TMPDIR to a folder such as /tmp."
                : "";
            EnsureSucceeded(initdb, $"initdb of {DataDirectory}", initdbHint);

            var port = await StartServerAsync(ct);
            var createdb = await RunAsync(
                Path.Combine(binDirectory, "createdb"),
                ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", ServerUser, databaseName],
                asServerUser: false,
                ct);
            EnsureSucceeded(createdb, $"createdb {databaseName} on 127.0.0.1:{port}");

            ConnectionString = $"Host=127.0.0.1;Port={port};Database={databaseName};Username={ServerUser}";
        }

        /// <summary>
        /// Starts the server on a free port and returns the port. Another process can take the port between
        /// the probe and the server's bind, so a start that fails with "Address already in use" is retried.
        /// </summary>
        private async Task<int> StartServerAsync(CancellationToken ct)
        {
            for (var attempt = 1; ; attempt++)
            {
                var port = FindFreePort();
                var serverOptions = string.Join(
                    ' ',
                    "-c listen_addresses=127.0.0.1",
                    $"-p {port.ToString(CultureInfo.InvariantCulture)}",
                    $"-k '{rootDirectory}'",
                    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300");
                var start = await RunServerToolAsync(
                    "pg_ctl", ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", serverOptions], ct);
                if (start.ExitCode == 0)
                {
                    return port;
                }

                var serverLog = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile, ct) : "";
                var portTaken = serverLog.Contains("Address already in use", StringComparison.Ordinal);
                if (!portTaken || attempt == StartAttempts)
                {
                    throw new InvalidOperationException(
                        $"pg_ctl start failed for the test cluster in {DataDirectory} on port {port} "
                        + $"(exit code {start.ExitCode}).\n{start.Output}\nServer log {LogFile}:\n{serverLog}");
                }
            }
        }

        private static int FindFreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                return ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            finally
            {
                listener.Stop();
            }
        }

        private Task<ToolResult> RunServerToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken ct)
        {
            return RunAsync(Path.Combine(binDirectory, tool), arguments, runAsServerUser, ct);
        }

        private async Task<ToolResult> RunAsync(
            string fileName, IReadOnlyList<string> arguments, bool asServerUser, CancellationToken ct)
        {
            var startInfo = new ProcessStartInfo
            {
                FileName = asServerUser ? RunuserPath : fileName,
                // The postgres user may not be able to enter the test's working directory, which initdb rejects.
                WorkingDirectory = rootDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (asServerUser)
            {
                foreach (var argument in new[] { "-u", ServerUser, "--", fileName })
                {
                    startInfo.ArgumentList.Add(argument);
                }
            }

            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            var commandLine = string.Join(' ', startInfo.ArgumentList.Prepend(startInfo.FileName));
            using var process = new Process { StartInfo = startInfo };
            try
            {
                process.Start();
            }
            catch (Win32Exception exception)
            {
                throw new InvalidOperationException($"Failed to start `{commandLine}`: {exception.Message}", exception);
            }

            // Both streams are read concurrently so a full pipe cannot block the child.
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(ToolTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (ct.IsCancellationRequested)
                {
                    throw;
                }

                throw new TimeoutException($"`{commandLine}` timed out after {ToolTimeout.TotalSeconds} s.");
            }

            var output = $"stdout:\n{await stdout}\nstderr:\n{await stderr}";
            return new ToolResult(commandLine, process.ExitCode, output);
        }

        private static void EnsureSucceeded(ToolResult result, string step, string hint = "")
        {
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"{step} failed: `{result.CommandLine}` exited with code {result.ExitCode}.{hint}\n"
                    + result.Output);
            }
        }

        private sealed record ToolResult(string CommandLine, int ExitCode, string Output);
    }
}
