using System.Diagnostics;
using Npgsql;

namespace Ledger.Bench.Infrastructure;

/// <summary>The PostgreSQL server of the run: connection strings per database, and queries on the ledger's
/// tables.</summary>
public sealed class Postgres(string host, int port, string user)
{
    public const string LedgerSchema = "ledger";

    public string ConnectionString(string database, int maxPoolSize = 100) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = host,
            Port = port,
            Username = user,
            Database = database,
            MaxPoolSize = maxPoolSize,
        }.ConnectionString;

    /// <summary>Drops and creates a database, so every run starts from the same empty state.</summary>
    public async Task RecreateDatabaseAsync(string database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(ct);
        string[] statements =
        [
            $"drop database if exists \"{database}\" with (force)",
            $"create database \"{database}\"",
        ];
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Creates the pg_stat_statements extension in a database; returns false when the server was
    /// started without it in shared_preload_libraries.
    /// </summary>
    public async Task<bool> TryEnableStatementStatsAsync(string database, CancellationToken ct)
    {
        try
        {
            await ScalarAsync<int>(database, "create extension if not exists pg_stat_statements", ct);
            await ScalarAsync<int>(database, "select count(*) from pg_stat_statements", ct);
            return true;
        }
        catch (PostgresException)
        {
            return false;
        }
    }

    public Task ResetStatementStatsAsync(string database, CancellationToken ct) =>
        ScalarAsync<object>(database, "select pg_stat_statements_reset()", ct);

    /// <summary>
    /// Returns the statements executed in a database since the last reset, their total execution
    /// time in milliseconds, and the three statements with the largest total time.
    /// </summary>
    public async Task<(long Calls, double ExecutionMs, IReadOnlyList<string> Top)> StatementStatsAsync(string database,
        CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "select calls, total_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) from pg_stat_statements "
            + "where dbid = (select oid from pg_database where datname = current_database()) "
            + "order by total_exec_time desc", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        long calls = 0;
        double milliseconds = 0;
        var top = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            calls += reader.GetInt64(0);
            milliseconds += reader.GetDouble(1);
            if (top.Count < 3)
            {
                top.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{reader.GetDouble(1):0} ms in {reader.GetInt64(0)} calls: {reader.GetString(2)}"));
            }
        }

        return (calls, milliseconds, top);
    }

    public async Task<string> ServerVersionAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "select version() || ' | fsync=' || current_setting('fsync') || ', synchronous_commit=' "
            + "|| current_setting('synchronous_commit') || ', full_page_writes=' "
            + "|| current_setting('full_page_writes')",
            connection);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    public async Task<T> ScalarAsync<T>(string database, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, typeof(T),
            System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<long> EventCountAsync(string database, CancellationToken ct) =>
        ScalarAsync<long>(database, $"select count(*) from {LedgerSchema}.mt_events", ct);

    /// <summary>
    /// Returns the lowest sequence number that every async projection with a progression row has
    /// reached, or 0 while none has a row.
    /// </summary>
    public Task<long> ProjectionProgressAsync(string database, CancellationToken ct) =>
        ScalarAsync<long>(database,
            $"select coalesce(min(last_seq_id), 0) from {LedgerSchema}.mt_event_progression "
            + "where name not like 'HighWater%'", ct);

    /// <summary>Waits until the async daemon has applied every stored event to every async projection.</summary>
    public async Task<TimeSpan> WaitForProjectionsAsync(string database, TimeSpan timeout, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var last = await ScalarAsync<long>(database,
            $"select coalesce(max(seq_id), 0) from {LedgerSchema}.mt_events", ct);
        while (await ProjectionProgressAsync(database, ct) < last)
        {
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException(
                    $"The views of database {database} did not reach event {last} within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(100, ct);
        }

        return Stopwatch.GetElapsedTime(started);
    }
}
