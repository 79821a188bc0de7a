using Ledger.Domain.Authors;
using Ledger.Domain.Trust;

namespace Ledger.Projections;

/// <summary>The live trust of a record under the current policy, with the facts it was computed from.</summary>
public sealed record AuthorTrust(Guid Id, string ExternalId, Author Record, TrustFacts Facts, TrustEvaluation Evaluation)
    : IAuthorView
{
    public static AuthorTrust From(Author record, int followers)
    {
        var facts = AuthorTrustFacts.From(record, followers);
        return new AuthorTrust(record.Id, record.ExternalId, record, facts,
            TrustPolicies.Current.Evaluate(facts, record.UpdatedAt));
    }
}

public sealed class AuthorTrustProjection : AuthorViewProjection<AuthorTrust>
{
    protected override AuthorTrust Build(Author record) => AuthorTrust.From(record, followers: 0);
}
