using Ledger.Domain.Verification;

namespace Ledger.Domain.Trust;

/// <summary>
/// Trust policy v1: the sum of whole-number factors, clamped to 0..100. Never edit it: a change
/// of policy is a new version, so that replaying events under v1 always gives the same numbers.
/// </summary>
public sealed class TrustPolicyV1 : ITrustPolicy
{
    public static TrustPolicyV1 Instance { get; } = new();

    public static readonly TimeSpan RevocationPenaltyWindow = TimeSpan.FromDays(365);

    public string Version => "v1";

    public TrustEvaluation Evaluate(TrustFacts facts, DateTimeOffset at)
    {
        var tier = VerificationTiers.Evaluate(facts.Tier, at);
        var factors = new List<TrustFactor>
        {
            new("verification tier", TierPoints(tier.Tier), $"tier {tier.Tier}: {tier.Reason}"),
            ClaimFactor(facts),
            new("works", Math.Min(facts.Works, 20),
                $"{facts.Works} works attributed and not detached, 1 each, at most 20"),
            new("topics", Math.Min(facts.Topics / 2, 5), $"{facts.Topics} distinct topics, 1 per 2, at most 5"),
            new("close collaborators", Math.Min(facts.CloseCollaborators / 2, 10),
                $"{facts.CloseCollaborators} close collaborators, 1 per 2, at most 10"),
            new("followers", FollowerPoints(facts.CountingFollowers),
                $"{facts.CountingFollowers} counting followers, floor(2 * log2(1 + n)), at most 20"),
            RevocationFactor(facts, at),
        };

        var score = Math.Clamp(factors.Sum(f => f.Points), 0, 100);
        return new TrustEvaluation(score, TrustBands.For(score), factors, Version, at);
    }

    public static int TierPoints(VerificationTier tier) => tier switch
    {
        VerificationTier.L0 => 0,
        VerificationTier.L1 => 8,
        VerificationTier.L2 => 20,
        VerificationTier.L3 => 30,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown verification tier."),
    };

    /// <summary>Computes floor(2 * log2(1 + n)) in integers, so no rounding of a double decides a point.</summary>
    public static int FollowerPoints(int followers)
    {
        if (followers <= 0)
        {
            return 0;
        }

        // 2 * log2(1 + n) >= k exactly when (1 + n)^2 >= 2^k.
        var squared = (long)(followers + 1) * (followers + 1);
        var points = 0;
        while (points < 20 && squared >= 1L << (points + 1))
        {
            points++;
        }

        return points;
    }

    private static TrustFactor ClaimFactor(TrustFacts facts)
    {
        var approved = facts.Claim == ClaimStanding.Approved ? 10 : 0;
        var dispute = facts.DisputeOpen ? -10 : 0;
        var reason = (facts.Claim, facts.DisputeOpen) switch
        {
            (ClaimStanding.Approved, false) => "claim approved: +10",
            (ClaimStanding.Approved, true) => "claim approved: +10; dispute open: -10",
            (_, true) => $"claim {facts.Claim.ToString().ToLowerInvariant()}; dispute open: -10",
            _ => $"claim {facts.Claim.ToString().ToLowerInvariant()}: 0",
        };
        return new TrustFactor("claim", approved + dispute, reason);
    }

    private static TrustFactor RevocationFactor(TrustFacts facts, DateTimeOffset at)
    {
        var recent = facts.RevokedAt.Where(r => r <= at && at - r < RevocationPenaltyWindow).ToList();
        return recent.Count == 0
            ? new TrustFactor("claim revoked", 0, "no claim revoked within 365 days before evaluation")
            : new TrustFactor("claim revoked", -15, $"a claim was revoked on {recent[^1]:yyyy-MM-dd}, within 365 days");
    }
}
