using System.Text.Json;
using Marten;

namespace Ledger.Api.Integrity;

/// <param name="FirstBrokenVersion">The first version whose stored hash differs from the recomputed one.</param>
public sealed record IntegrityReport(Guid StreamId, long Events, bool Intact, long? FirstBrokenVersion, string? Reason);

public static class StreamIntegrity
{
    /// <summary>
    /// Recomputes a stream's hash chain from the stored rows and reports the first version that
    /// breaks it.
    /// </summary>
    public static async Task<IntegrityReport> CheckAsync(IQuerySession session, Guid streamId, CancellationToken ct)
    {
        // One JSON array per row keeps the stored data text exactly as PostgreSQL returns it.
        var rows = await session.QueryAsync<string>(
            $"select json_build_array(version, type, data::text, coalesce(headers ->> '{EventHash.Header}', ''), "
            + "coalesce(user_name, ''), coalesce(correlation_id, ''), coalesce(causation_id, ''))::text "
            + "from ledger.mt_events where stream_id = ? order by version", ct, streamId);

        var previous = EventHash.Genesis;
        foreach (var row in rows)
        {
            using var parsed = JsonDocument.Parse(row);
            var columns = parsed.RootElement;
            var version = columns[0].GetInt64();
            var type = columns[1].GetString()!;
            var data = columns[2].GetString()!;
            var hash = columns[3].GetString()!;
            var userName = columns[4].GetString()!;
            var correlationId = columns[5].GetString()!;
            var causationId = columns[6].GetString()!;

            var expected = EventHash.Compute(previous, streamId, type, data, Empty(userName), Empty(correlationId),
                Empty(causationId));
            if (hash.Length == 0)
            {
                return new IntegrityReport(streamId, rows.Count, false, version, "the event carries no hash");
            }

            if (!string.Equals(hash, expected, StringComparison.Ordinal))
            {
                return new IntegrityReport(streamId, rows.Count, false, version,
                    "the stored hash does not match the event's type, data, metadata and previous hash");
            }

            previous = hash;
        }

        return new IntegrityReport(streamId, rows.Count, true, null, null);
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;
}
