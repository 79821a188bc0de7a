using JasperFx.Events;
using Ledger.Domain.Accounts;
using Ledger.Domain.Authors;
using Ledger.Domain.Trust;
using Ledger.Domain.Verification;

namespace Ledger.Projections;

/// <summary>The verification tier of a record with the evidence behind it and when that evidence expires.</summary>
public sealed record AuthorVerification(
    Guid Id,
    string ExternalId,
    Author Record,
    Followers Followers,
    long RecordVersion,
    TierFacts Facts,
    TierEvaluation Evaluation) : IAuthorView
{
    public static AuthorVerification From(Author record, Followers followers, long version)
    {
        var facts = AuthorTrustFacts.From(record, countingFollowers: 0).Tier;
        return new AuthorVerification(record.Id, record.ExternalId, record, followers, version, facts,
            VerificationTiers.Evaluate(facts, record.UpdatedAt));
    }
}

public sealed class AuthorVerificationProjection() : AuthorViewProjection<AuthorVerification>(tracksFollowers: false)
{
    protected override AuthorVerification Build(AuthorVerification? previous, Author record,
        Followers followers, long version, IEvent e) =>
        AuthorVerification.From(record, followers, version);
}
