using System.Collections.Immutable;
using System.Text.Json.Serialization;
using JasperFx.Events;
using Ledger.Domain.Accounts;
using Ledger.Domain.Authors;
using Ledger.Domain.Names;
using Ledger.Domain.Trust;
using Ledger.Domain.Verification;

namespace Ledger.Projections;

/// <summary>
/// The one folded view of an author record: what its public page shows, its trust under every
/// registered policy with the facts behind it, its verification tier and every change of its trust.
/// The profile, trust, verification and trust history endpoints all read this document, so they
/// never disagree, and a follow or a rebuild writes one row per record.
/// </summary>
/// <param name="NameKey">The name's match key, for search by name.</param>
/// <param name="RecordVersion">
/// The version of the record's stream that the view reflects; account events do not change it.
/// Not named Version, because Marten fills a document's Version with the projection's revision.
/// </param>
/// <param name="TrustByPolicy">Trust under every registered policy, so switching the live one needs no rebuild.</param>
/// <param name="TrustChanges">Every change of the trust score or band under any policy, oldest first.</param>
public sealed record AuthorProfile(
    Guid Id,
    string ExternalId,
    string? Orcid,
    string NameKey,
    Author Record,
    Followers Followers,
    long RecordVersion,
    TrustFacts Facts,
    TierEvaluation Tier,
    IReadOnlyDictionary<string, TrustEvaluation> TrustByPolicy,
    ImmutableList<TrustChange> TrustChanges)
{
    /// <summary>The followers that count towards trust: not suspended, not the claimant.</summary>
    [JsonIgnore]
    public int CountingFollowers => Facts.CountingFollowers;

    /// <summary>
    /// Derives the view from the folded record and followers after <paramref name="e"/>, evaluated at the
    /// record's last change.
    /// </summary>
    /// <param name="previous">The view before <paramref name="e"/>, or null for the record's first event.</param>
    public static AuthorProfile After(AuthorProfile? previous, Author record, Followers followers, long version,
        IEvent e)
    {
        var facts = AuthorTrustFacts.From(record, followers.CountingFor(record.Claimant));
        var trust = TrustPolicies.EvaluateAll(facts, record.UpdatedAt);
        var changes = TrustChange.Append(previous?.TrustChanges ?? [], previous?.TrustByPolicy, trust, e);

        return new AuthorProfile(
            record.Id,
            record.ExternalId,
            record.Details.Orcid,
            PersonName.MatchKey(record.Details.Name),
            record,
            followers,
            version,
            facts,
            VerificationTiers.Evaluate(facts.Tier, record.UpdatedAt),
            trust,
            changes);
    }
}
