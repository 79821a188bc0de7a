namespace Ledger.Domain.Trust;

public static class TrustBands
{
    /// <summary>
    /// Returns the band of a score: 0-9 New, 10-39 Emerging, 40-59 Established, 60-79 Trusted,
    /// 80-100 Exemplary.
    /// </summary>
    public static string For(int score) => score switch
    {
        < 10 => "New",
        < 40 => "Emerging",
        < 60 => "Established",
        < 80 => "Trusted",
        _ => "Exemplary",
    };
}
