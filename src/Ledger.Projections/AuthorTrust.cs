using JasperFx.Events;
using Ledger.Domain.Accounts;
using Ledger.Domain.Authors;
using Ledger.Domain.Trust;

namespace Ledger.Projections;

/// <summary>
/// The trust of a record under every registered policy, keyed by version, with the facts it was
/// computed from; reads pick the live policy's evaluation.
/// </summary>
public sealed record AuthorTrust(
    Guid Id,
    string ExternalId,
    Author Record,
    Followers Followers,
    long RecordVersion,
    TrustFacts Facts,
    IReadOnlyDictionary<string, TrustEvaluation> Evaluations) : IAuthorView
{
    public static AuthorTrust From(Author record, Followers followers, long version)
    {
        var facts = AuthorTrustFacts.From(record, followers.CountingFor(record.Claimant));
        return new AuthorTrust(record.Id, record.ExternalId, record, followers, version, facts,
            TrustPolicies.EvaluateAll(facts, record.UpdatedAt));
    }
}

public sealed class AuthorTrustProjection : AuthorViewProjection<AuthorTrust>
{
    protected override AuthorTrust Build(AuthorTrust? previous, Author record,
        Followers followers, long version, IEvent e) =>
        AuthorTrust.From(record, followers, version);
}
