using Ledger.Domain.Accounts;
using Ledger.Domain.Authors;
using Ledger.Domain.Trust;

namespace Ledger.Projections;

/// <summary>The live trust of a record under the current policy, with the facts it was computed from.</summary>
public sealed record AuthorTrust(
    Guid Id,
    string ExternalId,
    Author Record,
    Followers Followers,
    long RecordVersion,
    TrustFacts Facts,
    TrustEvaluation Evaluation) : IAuthorView
{
    public static AuthorTrust From(Author record, Followers followers, long version)
    {
        var facts = AuthorTrustFacts.From(record, followers.CountingFor(record.Claimant));
        return new AuthorTrust(record.Id, record.ExternalId, record, followers, version, facts,
            TrustPolicies.Current.Evaluate(facts, record.UpdatedAt));
    }
}

public sealed class AuthorTrustProjection : AuthorViewProjection<AuthorTrust>
{
    protected override AuthorTrust Build(Author record, Followers followers, long version) =>
        AuthorTrust.From(record, followers, version);
}
