using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ledger.Api.Integrity;

/// <summary>
/// The tamper-evident hash of an event: SHA-256 over the previous event's hash in the stream and
/// the event's stream, type, data and metadata. Data is hashed in a canonical JSON form (object keys
/// in ordinal order, no white space) so that PostgreSQL's jsonb, which reorders keys and spacing,
/// gives back the same bytes.
/// </summary>
public static class EventHash
{
    /// <summary>The header that carries an event's hash.</summary>
    public const string Header = "hash";

    /// <summary>The "previous hash" of a stream's first event.</summary>
    public const string Genesis = "";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static string Compute(string previous, Guid streamId, string eventType, string dataJson, string? userName,
        string? correlationId, string? causationId)
    {
        var canonical = string.Join('\n', previous, streamId.ToString("N"), eventType, Canonical(dataJson),
            userName ?? "", correlationId ?? "", causationId ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public static string Canonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, document.RootElement);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                // Strings are re-escaped by the writer; numbers, booleans and null keep their text.
                if (element.ValueKind == JsonValueKind.String)
                {
                    writer.WriteStringValue(element.GetString());
                }
                else
                {
                    writer.WriteRawValue(element.GetRawText());
                }

                break;
        }
    }
}
