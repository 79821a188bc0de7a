using System.Collections.Immutable;
using JasperFx.Events;
using Ledger.Domain.Trust;

namespace Ledger.Projections;

/// <summary>A change of a record's trust score or band under one policy, and the event that caused it.</summary>
public sealed record TrustChange(
    string Policy,
    int Score,
    string Band,
    int? PreviousScore,
    string? PreviousBand,
    string EventType,
    long Sequence,
    Guid StreamId,
    long StreamVersion,
    DateTimeOffset EvaluatedAt)
{
    /// <summary>
    /// Adds a change for every policy, in version order, whose score or band differs from
    /// <paramref name="before"/>; a record's first event adds one for every policy.
    /// </summary>
    public static ImmutableList<TrustChange> Append(ImmutableList<TrustChange> changes,
        IReadOnlyDictionary<string, TrustEvaluation>? before, IReadOnlyDictionary<string, TrustEvaluation> after,
        IEvent cause)
    {
        foreach (var (policy, evaluation) in after.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var previous = before?.GetValueOrDefault(policy);
            if (previous is null || previous.Score != evaluation.Score || previous.Band != evaluation.Band)
            {
                changes = changes.Add(new TrustChange(policy, evaluation.Score, evaluation.Band, previous?.Score,
                    previous?.Band, cause.EventTypeName, cause.Sequence, cause.StreamId, cause.Version,
                    evaluation.EvaluatedAt));
            }
        }

        return changes;
    }
}
