using System.Diagnostics.CodeAnalysis;

namespace Ledger.Domain.Identifiers;

/// <summary>
/// An OpenAlex entity id in short form, such as A5000000001 for an author or W5000000001 for a work.
/// </summary>
public static class OpenAlexId
{
    private const string UrlPrefix = "https://openalex.org/";

    /// <summary>
    /// Accepts the short form or the URL form and returns the short form, upper-cased,
    /// when it starts with <paramref name="kind"/> followed by digits only.
    /// </summary>
    public static bool TryNormalize(string? text, char kind, [NotNullWhen(true)] out string? shortId)
    {
        shortId = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        if (value.StartsWith(UrlPrefix, StringComparison.OrdinalIgnoreCase))
        {
            value = value[UrlPrefix.Length..];
        }

        value = value.ToUpperInvariant();
        if (value.Length < 2 || value[0] != char.ToUpperInvariant(kind) || !value[1..].All(char.IsAsciiDigit))
        {
            return false;
        }

        shortId = value;
        return true;
    }
}
