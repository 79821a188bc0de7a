using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx.Events;
using Npgsql;

namespace Ledger.Bench.Data;

/// <summary>
/// Reads mt_events rows with Npgsql and deserializes each body with System.Text.Json into its
/// domain event type, named by the row's type column: the least work any reader of the event log does.
/// </summary>
public sealed class RawEventReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly Dictionary<string, Type> typesByAlias;

    public RawEventReader() =>
        typesByAlias = LedgerEventStore.EventTypes.ToDictionary(t => t.GetEventTypeName(), StringComparer.Ordinal);

    /// <summary>Reads rows in order of the query's result and returns how many were read.</summary>
    public async Task<long> ReadAsync(NpgsqlConnection connection, string sql, IEnumerable<object> parameters,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        var count = 0L;
        while (await reader.ReadAsync(ct))
        {
            var type = typesByAlias[reader.GetString(0)];
            var data = JsonSerializer.Deserialize(reader.GetString(1), type, Json)
                ?? throw new InvalidOperationException($"Event body of type {type.Name} deserialized to null.");
            GC.KeepAlive(data);
            count++;
        }

        return count;
    }
}
