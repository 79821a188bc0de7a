using System.Collections.Immutable;
using JasperFx.Events;
using Ledger.Domain.Accounts;
using Ledger.Domain.Authors;
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
    DateTimeOffset EvaluatedAt);

/// <summary>Every change of a record's trust, under every registered policy, oldest first.</summary>
public sealed record TrustHistory(
    Guid Id,
    string ExternalId,
    Author Record,
    Followers Followers,
    long RecordVersion,
    IReadOnlyDictionary<string, TrustEvaluation> Current,
    ImmutableList<TrustChange> Changes) : IAuthorView;

public sealed class TrustHistoryProjection : AuthorViewProjection<TrustHistory>
{
    protected override TrustHistory Build(TrustHistory? previous, Author record, Followers followers, long version,
        IEvent e)
    {
        var facts = AuthorTrustFacts.From(record, followers.CountingFor(record.Claimant));
        var current = TrustPolicies.EvaluateAll(facts, record.UpdatedAt);
        var changes = previous?.Changes ?? ImmutableList<TrustChange>.Empty;

        foreach (var (policy, evaluation) in current.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var before = previous?.Current.GetValueOrDefault(policy);
            if (before is null || before.Score != evaluation.Score || before.Band != evaluation.Band)
            {
                changes = changes.Add(new TrustChange(policy, evaluation.Score, evaluation.Band, before?.Score,
                    before?.Band, e.EventTypeName, e.Sequence, e.StreamId, e.Version, evaluation.EvaluatedAt));
            }
        }

        return new TrustHistory(record.Id, record.ExternalId, record, followers, version, current, changes);
    }
}
