using System.Security.Cryptography;
using System.Text;
using Ledger.Domain.Identifiers;

namespace Ledger.Domain.Authors;

/// <summary>
/// Derives an author stream's id from its external id, so the external id works as a natural key:
/// the same external id always names the same stream, and two imports of a new record collide on it.
/// </summary>
public static class AuthorIds
{
    // Name-based UUID (RFC 9562, version 5) namespace of this ledger's author streams. Changing it
    // would orphan every stored stream.
    private static readonly Guid Namespace = new("6f0f7c1e-58a4-4a8e-9a51-2f4d2b7f3c10");

    /// <summary>Returns the canonical external id: "openalex:A…" for OpenAlex, "orcid:0000-…" for ORCID.</summary>
    public static string? CanonicalExternalId(string? text)
    {
        if (OpenAlexId.TryNormalize(text, 'A', out var openAlex))
        {
            return "openalex:" + openAlex;
        }

        if (Orcid.TryParse(text, out var orcid))
        {
            return "orcid:" + orcid.Value.Value;
        }

        return null;
    }

    public static Guid ForExternalId(string canonicalExternalId)
    {
        var name = Encoding.UTF8.GetBytes(canonicalExternalId);
        var input = new byte[16 + name.Length];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input, 16);

        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version 5 ids; it is not used for security.
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
