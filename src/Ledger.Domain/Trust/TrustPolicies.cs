namespace Ledger.Domain.Trust;

/// <summary>The registered trust policies by version.</summary>
public static class TrustPolicies
{
    private static readonly Dictionary<string, ITrustPolicy> ByVersion =
        new ITrustPolicy[] { TrustPolicyV1.Instance }.ToDictionary(p => p.Version, StringComparer.OrdinalIgnoreCase);

    public static ITrustPolicy Current => TrustPolicyV1.Instance;

    public static IReadOnlyCollection<string> Versions => ByVersion.Keys;

    public static ITrustPolicy? Find(string version) => ByVersion.GetValueOrDefault(version);
}
