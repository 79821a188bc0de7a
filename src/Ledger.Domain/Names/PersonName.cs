using System.Text;

namespace Ledger.Domain.Names;

/// <summary>
/// Names are stored as given (NFC) and compared by a key: NFKC, apostrophes folded, case folded,
/// runs of white space collapsed.
/// </summary>
public static class PersonName
{
    // Right single quotation mark, modifier letter apostrophe and the prime all read as an apostrophe in names.
    private static readonly char[] Apostrophes = ['\u2019', '\u02BC', '\u2032', '\u0060', '\u00B4'];

    public static string MatchKey(string name)
    {
        var text = name.Normalize(NormalizationForm.FormKC);
        foreach (var apostrophe in Apostrophes)
        {
            text = text.Replace(apostrophe, '\'');
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words).ToLowerInvariant();
    }

    public static bool Matches(string left, string right) =>
        string.Equals(MatchKey(left), MatchKey(right), StringComparison.Ordinal);
}
