using JasperFx.Events;
using Ledger.Domain.Accounts;
using Ledger.Domain.Authors;
using Ledger.Domain.Names;
using Ledger.Domain.Trust;
using Ledger.Domain.Verification;

namespace Ledger.Projections;

/// <summary>Everything the public page of a record shows, with the keys it is found by.</summary>
/// <param name="NameKey">The name's match key, for search by name.</param>
/// <param name="TrustByPolicy">Trust under every registered policy, so switching the live one needs no rebuild.</param>
public sealed record AuthorProfile(
    Guid Id,
    string ExternalId,
    string? Orcid,
    string NameKey,
    Author Record,
    Followers Followers,
    long RecordVersion,
    int CountingFollowers,
    TierEvaluation Tier,
    IReadOnlyDictionary<string, TrustEvaluation> TrustByPolicy) : IAuthorView
{
    public static AuthorProfile From(Author record, Followers followers, long version)
    {
        var counting = followers.CountingFor(record.Claimant);
        var facts = AuthorTrustFacts.From(record, counting);
        return new AuthorProfile(
            record.Id,
            record.ExternalId,
            record.Details.Orcid,
            PersonName.MatchKey(record.Details.Name),
            record,
            followers,
            version,
            counting,
            VerificationTiers.Evaluate(facts.Tier, record.UpdatedAt),
            TrustPolicies.EvaluateAll(facts, record.UpdatedAt));
    }
}

public sealed class AuthorProfileProjection : AuthorViewProjection<AuthorProfile>
{
    protected override AuthorProfile Build(AuthorProfile? previous, Author record,
        Followers followers, long version, IEvent e) =>
        AuthorProfile.From(record, followers, version);
}
