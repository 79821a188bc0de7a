using System.Diagnostics.CodeAnalysis;

namespace Ledger.Domain.Identifiers;

/// <summary>
/// An ORCID iD in normal form: the bare 16 characters grouped as 0000-0000-0000-000X.
/// </summary>
public readonly record struct Orcid
{
    private const string UrlPrefix = "https://orcid.org/";

    private Orcid(string value) => Value = value;

    public string Value { get; }

    public string Url => UrlPrefix + Value;

    public override string ToString() => Value;

    /// <summary>
    /// Parses the bare form or the URL form (http or https, with or without "www.") and
    /// validates the ISO 7064 11,2 check digit.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Orcid? orcid)
    {
        orcid = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var digits = StripUrl(text.Trim()).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        if (digits.Length != 16 || !digits[..15].All(char.IsAsciiDigit))
        {
            return false;
        }

        if (digits[15] != CheckDigit(digits.AsSpan(0, 15)))
        {
            return false;
        }

        orcid = new Orcid($"{digits[..4]}-{digits[4..8]}-{digits[8..12]}-{digits[12..]}");
        return true;
    }

    public static Orcid Parse(string text) =>
        TryParse(text, out var orcid)
            ? orcid.Value
            : throw new FormatException($"'{text}' is not a valid ORCID iD (16 characters with a valid check digit).");

    /// <summary>Computes the ISO 7064 MOD 11-2 check character over the first 15 digits.</summary>
    public static char CheckDigit(ReadOnlySpan<char> baseDigits)
    {
        var total = 0;
        foreach (var digit in baseDigits)
        {
            total = (total + (digit - '0')) * 2;
        }

        var result = (12 - (total % 11)) % 11;
        return result == 10 ? 'X' : (char)('0' + result);
    }

    private static string StripUrl(string text)
    {
        foreach (var prefix in
            new[] { "https://orcid.org/", "http://orcid.org/", "https://www.orcid.org/", "http://www.orcid.org/" })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return text[prefix.Length..].TrimEnd('/');
            }
        }

        return text;
    }
}
