using System.Diagnostics;
using JasperFx.Events;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Ledger.Bench.Data;

/// <summary>
/// Loads planned events straight into Marten's mt_streams and mt_events tables with binary COPY,
/// which is about ten times faster than appending through a session. Each row is what Marten
/// writes: the event body from Marten's own serializer, the event type name of JasperFx's default
/// naming (snake case, as Marten stores it), the .NET type name, consecutive sequence numbers, and the event's own
/// time as its timestamp. The tables must
/// exist and contain no events yet.
/// </summary>
public static class BulkEventLoader
{
    private const int EventsPerTransaction = 50_000;
    private const string TenantId = "*DEFAULT*";
    private const string UserName = "bench-writer";

    public static async Task<TimeSpan> LoadAsync(DocumentStore store, string connectionString,
        IEnumerable<PlannedEvent> events, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var serializer = store.Options.Serializer();
        var names = LedgerEventStore.EventTypes.ToDictionary(t => t,
            t => (Alias: t.GetEventTypeName(), DotNet: DotNetTypeName(t)));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);

        var sequence = 0L;
        var batch = new List<PlannedEvent>(EventsPerTransaction);
        foreach (var e in events)
        {
            batch.Add(e);
            if (batch.Count == EventsPerTransaction)
            {
                sequence = await CopyAsync(connection, batch, sequence, serializer, names, ct);
                batch.Clear();
            }
        }

        sequence = await CopyAsync(connection, batch, sequence, serializer, names, ct);
        var setSequence = $"select setval('{LedgerEventStore.Schema}.mt_events_sequence', {sequence})";
        await using (var command = new NpgsqlCommand(setSequence, connection))
        {
            await command.ExecuteNonQueryAsync(ct);
        }

        return Stopwatch.GetElapsedTime(started);
    }

    private static string DotNetTypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    // Streams may span transactions (the long record does not, but an account could), so a stream row
    // is inserted with its first event and its version is raised to the last one at the end of each batch.
    private static async Task<long> CopyAsync(NpgsqlConnection connection, List<PlannedEvent> batch, long sequence,
        ISerializer serializer, Dictionary<Type, (string Alias, string DotNet)> names, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return sequence;
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var schema = LedgerEventStore.Schema;
        var streams = batch.GroupBy(e => e.StreamId)
            .Select(g => (Id: g.Key, First: g.First(), Last: g.Last()))
            .ToList();

        await using (var importer = await connection.BeginBinaryImportAsync(
            $"copy {schema}.mt_streams (id, type, version, timestamp, created, tenant_id, is_archived) "
            + "from stdin (format binary)", ct))
        {
            foreach (var (id, first, last) in streams.Where(s => s.First.Version == 1))
            {
                await importer.StartRowAsync(ct);
                await importer.WriteAsync(id, NpgsqlDbType.Uuid, ct);
                await importer.WriteAsync(first.StreamType, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(last.Version, NpgsqlDbType.Bigint, ct);
                await importer.WriteAsync(last.Timestamp, NpgsqlDbType.TimestampTz, ct);
                await importer.WriteAsync(first.Timestamp, NpgsqlDbType.TimestampTz, ct);
                await importer.WriteAsync(TenantId, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(false, NpgsqlDbType.Boolean, ct);
            }

            await importer.CompleteAsync(ct);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(
            $"copy {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, "
            + "mt_dotnet_type, "
            + "user_name, is_archived) from stdin (format binary)", ct))
        {
            foreach (var e in batch)
            {
                var (alias, dotNet) = names[e.Data.GetType()];
                await importer.StartRowAsync(ct);
                await importer.WriteAsync(++sequence, NpgsqlDbType.Bigint, ct);
                await importer.WriteAsync(Guid.CreateVersion7(e.Timestamp), NpgsqlDbType.Uuid, ct);
                await importer.WriteAsync(e.StreamId, NpgsqlDbType.Uuid, ct);
                await importer.WriteAsync(e.Version, NpgsqlDbType.Bigint, ct);
                await importer.WriteAsync(serializer.ToJson(e.Data), NpgsqlDbType.Jsonb, ct);
                await importer.WriteAsync(alias, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(e.Timestamp, NpgsqlDbType.TimestampTz, ct);
                await importer.WriteAsync(TenantId, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(dotNet, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(UserName, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(false, NpgsqlDbType.Boolean, ct);
            }

            await importer.CompleteAsync(ct);
        }

        foreach (var (id, first, last) in streams.Where(s => s.First.Version > 1))
        {
            await using var command = new NpgsqlCommand(
                $"update {schema}.mt_streams set version = $1, timestamp = $2 where id = $3", connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = last.Version });
            command.Parameters.Add(new NpgsqlParameter { Value = last.Timestamp });
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return sequence;
    }
}
