namespace Ledger.Domain.Trust;

/// <summary>The registered trust policies by version.</summary>
public static class TrustPolicies
{
    private static readonly Dictionary<string, ITrustPolicy> ByVersion =
        new ITrustPolicy[] { TrustPolicyV1.Instance, TrustPolicyV2.Instance }
            .ToDictionary(p => p.Version, StringComparer.OrdinalIgnoreCase);

    /// <summary>The live policy when none was chosen.</summary>
    public static ITrustPolicy Default => TrustPolicyV1.Instance;

    public static IReadOnlyCollection<ITrustPolicy> All => ByVersion.Values;

    /// <summary>Evaluates the facts under every registered policy, keyed by version.</summary>
    public static IReadOnlyDictionary<string, TrustEvaluation> EvaluateAll(TrustFacts facts, DateTimeOffset at) =>
        ByVersion.Values.ToDictionary(p => p.Version, p => p.Evaluate(facts, at));

    public static ITrustPolicy? Find(string version) => ByVersion.GetValueOrDefault(version);
}
