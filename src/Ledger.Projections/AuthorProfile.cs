using Ledger.Domain.Accounts;
using Ledger.Domain.Authors;
using Ledger.Domain.Names;
using Ledger.Domain.Trust;
using Ledger.Domain.Verification;

namespace Ledger.Projections;

/// <summary>Everything the public page of a record shows, with the keys it is found by.</summary>
/// <param name="NameKey">The name's match key, for search by name.</param>
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
    TrustEvaluation Trust) : IAuthorView
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
            TrustPolicies.Current.Evaluate(facts, record.UpdatedAt));
    }
}

public sealed class AuthorProfileProjection : AuthorViewProjection<AuthorProfile>
{
    protected override AuthorProfile Build(Author record, Followers followers, long version) =>
        AuthorProfile.From(record, followers, version);
}
