namespace Ledger.Domain.Trust;

/// <summary>One term of a trust score: its whole points and the reason for them.</summary>
public sealed record TrustFactor(string Name, int Points, string Reason);

/// <summary>A trust score with its factors, under one policy version, at one time.</summary>
public sealed record TrustEvaluation(
    int Score,
    string Band,
    IReadOnlyList<TrustFactor> Factors,
    string PolicyVersion,
    DateTimeOffset EvaluatedAt);

/// <summary>
/// A trust policy is a pure function of a record's facts and an evaluation time. A new policy is
/// a new version beside the old ones, so replaying old events under an old version never changes.
/// </summary>
public interface ITrustPolicy
{
    string Version { get; }

    TrustEvaluation Evaluate(TrustFacts facts, DateTimeOffset at);
}
