using Ledger.Domain.Verification;

namespace Ledger.Domain.Trust;

/// <summary>
/// Trust policy v2. It keeps v1's factors and bands and changes three weights, for the reasons
/// in docs/trust-policy-v2.md. Followers count for at most 12 points, because they are the
/// cheapest factor to inflate. An open dispute costs 15, because two accounts claim one identity.
/// A pending claim earns 3, because a researcher came forward with evidence.
/// </summary>
public sealed class TrustPolicyV2 : ITrustPolicy
{
    public static TrustPolicyV2 Instance { get; } = new();

    public const int MaxFollowerPoints = 12;

    public string Version => "v2";

    public TrustEvaluation Evaluate(TrustFacts facts, DateTimeOffset at)
    {
        var v1 = TrustPolicyV1.Instance.Evaluate(facts, at);
        var factors = v1.Factors.Select(factor => factor.Name switch
        {
            "claim" => ClaimFactor(facts),
            "followers" => new TrustFactor("followers",
                Math.Min(TrustPolicyV1.FollowerPoints(facts.CountingFollowers), MaxFollowerPoints),
                $"{facts.CountingFollowers} counting followers, floor(2 * log2(1 + n)), at most {MaxFollowerPoints}"),
            _ => factor,
        }).ToList();

        var score = Math.Clamp(factors.Sum(f => f.Points), 0, 100);
        return new TrustEvaluation(score, TrustBands.For(score), factors, Version, at);
    }

    private static TrustFactor ClaimFactor(TrustFacts facts)
    {
        var standing = facts.Claim switch
        {
            ClaimStanding.Approved => 10,
            ClaimStanding.Pending => 3,
            _ => 0,
        };
        var dispute = facts.DisputeOpen ? -15 : 0;
        var reason = $"claim {facts.Claim.ToString().ToLowerInvariant()}: {standing:+0;-0;0}"
            + (facts.DisputeOpen ? "; dispute open: -15" : "");
        return new TrustFactor("claim", standing + dispute, reason);
    }
}
