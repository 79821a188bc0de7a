using Ledger.Domain.Trust;
using Ledger.Domain.Verification;

namespace Ledger.Tests.Domain;

public class TrustPolicyV1Tests
{
    private static readonly DateTimeOffset At = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static TrustFacts ReferenceRecord => TrustFacts.ForNewRecord(hasPersistentIdentifier: true) with
    {
        Works = 9,
        Topics = 4,
        CloseCollaborators = 4,
    };

    [Fact]
    public void Reference_record_scores_21_emerging()
    {
        var trust = TrustPolicyV1.Instance.Evaluate(ReferenceRecord, At);

        Assert.Equal([8, 0, 9, 2, 2, 0, 0], trust.Factors.Select(f => f.Points));
        Assert.Equal(21, trust.Score);
        Assert.Equal("Emerging", trust.Band);
        Assert.Equal("v1", trust.PolicyVersion);
        Assert.Equal(At, trust.EvaluatedAt);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    [InlineData(3, 4)]
    [InlineData(7, 6)]
    [InlineData(200, 15)]
    [InlineData(1023, 20)]
    [InlineData(100000, 20)]
    public void Follower_points_are_floor_of_two_log2(int followers, int expected)
    {
        Assert.Equal(expected, TrustPolicyV1.FollowerPoints(followers));
        Assert.Equal(Math.Min(20, (int)Math.Floor(2 * Math.Log2(1 + followers))), expected);
    }

    [Theory]
    [InlineData(0, "New")]
    [InlineData(9, "New")]
    [InlineData(10, "Emerging")]
    [InlineData(39, "Emerging")]
    [InlineData(40, "Established")]
    [InlineData(59, "Established")]
    [InlineData(60, "Trusted")]
    [InlineData(79, "Trusted")]
    [InlineData(80, "Exemplary")]
    [InlineData(100, "Exemplary")]
    public void Bands_follow_score_ranges(int score, string band) => Assert.Equal(band, TrustBands.For(score));

    [Fact]
    public void Counted_factors_are_capped()
    {
        var facts = ReferenceRecord with
        {
            Works = 500,
            Topics = 40,
            CloseCollaborators = 90,
            CountingFollowers = 5000,
        };

        var factors = TrustPolicyV1.Instance.Evaluate(facts, At).Factors.ToDictionary(f => f.Name, f => f.Points);

        Assert.Equal(20, factors["works"]);
        Assert.Equal(5, factors["topics"]);
        Assert.Equal(10, factors["close collaborators"]);
        Assert.Equal(20, factors["followers"]);
    }

    [Fact]
    public void Score_is_clamped_to_zero()
    {
        var facts = TrustFacts.ForNewRecord(hasPersistentIdentifier: false) with
        {
            DisputeOpen = true,
            RevokedAt = [At.AddDays(-10)],
        };

        Assert.Equal(0, TrustPolicyV1.Instance.Evaluate(facts, At).Score);
    }

    [Fact]
    public void Revocation_penalty_lapses_after_365_days()
    {
        var facts = ReferenceRecord with { RevokedAt = [At] };

        var within = TrustPolicyV1.Instance.Evaluate(facts, At.AddDays(364));
        var after = TrustPolicyV1.Instance.Evaluate(facts, At.AddDays(365));

        Assert.Equal(-15, within.Factors.Single(f => f.Name == "claim revoked").Points);
        Assert.Equal(0, after.Factors.Single(f => f.Name == "claim revoked").Points);
    }

    [Fact]
    public void Tier_points_follow_the_tier()
    {
        Assert.Equal(0, TrustPolicyV1.TierPoints(VerificationTier.L0));
        Assert.Equal(8, TrustPolicyV1.TierPoints(VerificationTier.L1));
        Assert.Equal(20, TrustPolicyV1.TierPoints(VerificationTier.L2));
        Assert.Equal(30, TrustPolicyV1.TierPoints(VerificationTier.L3));
    }
}
