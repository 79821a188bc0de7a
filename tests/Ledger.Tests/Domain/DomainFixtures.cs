using Ledger.Domain;
using Ledger.Domain.Accounts;
using Ledger.Domain.Authors;
using Ledger.Domain.Authors.Claiming;
using Ledger.Domain.Authors.Importing;

namespace Ledger.Tests.Domain;

/// <summary>Builds author records and accounts by folding their events, as the event store does.</summary>
internal static class DomainFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public const string ExternalId = "openalex:A5000000001";

    // Both iDs have valid check digits. The first is the example iD of ORCID's documentation.
    public const string RecordOrcid = "0000-0002-1825-0097";
    public const string OtherOrcid = "0000-0002-9079-593X";

    public const string AffiliationDomain = "ox.ac.uk";

    public static readonly Guid AuthorId = AuthorIds.ForExternalId(ExternalId);

    public static IReadOnlyList<SubmittedEvidence> Link { get; } =
        [new SubmittedEvidence("link", "https://example.org/people/ada")];

    public static AuthorImported Imported(string externalId = ExternalId, string? orcid = RecordOrcid,
        string? affiliationDomain = AffiliationDomain) =>
        new(AuthorIds.ForExternalId(externalId), externalId,
            new AuthorDetails("Ada Example", orcid, null, "University of Oxford", false, affiliationDomain),
            "admin", Now.AddDays(-30));

    /// <summary>
    /// An imported record with the record ORCID iD and the "ox.ac.uk" affiliation domain, and no
    /// claims.
    /// </summary>
    public static Author Record(string externalId = ExternalId, string? orcid = RecordOrcid,
        string? affiliationDomain = AffiliationDomain) =>
        Author.ApplyEvent(null, Imported(externalId, orcid, affiliationDomain))!;

    public static Author Then(this Author author, IEnumerable<IAuthorEvent> events) =>
        events.Aggregate(author, (current, e) => Author.ApplyEvent(current, e)!);

    public static Account Then(this Account account, IEnumerable<IAccountEvent> events) =>
        events.Aggregate(account, (current, e) => Account.ApplyEvent(current, e)!);

    /// <summary>Returns the events of an accepted decision, and fails with the rejection otherwise.</summary>
    public static IReadOnlyList<TEvent> Accepted<TEvent>(this Decision<TEvent> decision)
    {
        Assert.Null(decision.Rejection);
        return decision.Events;
    }

    /// <summary>Asserts a rejection of the given kind and rule that appends nothing.</summary>
    public static void AssertRejected<TEvent>(Decision<TEvent> decision, RejectionKind kind, string rule)
    {
        Assert.NotNull(decision.Rejection);
        Assert.Equal(kind, decision.Rejection.Kind);
        Assert.Equal(rule, decision.Rejection.Rule);
        Assert.Empty(decision.Events);
    }

    public static Account NewAccount(string subject) =>
        Account.ApplyEvent(null, new AccountRegistered(subject, Now.AddYears(-1)))!;

    public static Account WithOrcid(this Account account, string orcid) =>
        account.Then([new OrcidLinked(account.Subject, orcid, Now.AddDays(-10))]);

    public static Account WithEmail(this Account account, string address, DateTimeOffset verifiedAt) =>
        account.Then(
            [new EmailVerified(account.Subject, address, address[(address.LastIndexOf('@') + 1)..], verifiedAt)]);

    /// <summary>Requests a claim for the account and folds the accepted events into the record.</summary>
    public static Author Claimed(this Author author, Account claimant, Guid claimId, Guid disputeId = default,
        DateTimeOffset? at = null) =>
        author.Then(ClaimantDecisions.Request(author, claimant, Link, claimId,
            disputeId == default ? Guid.NewGuid() : disputeId, at ?? Now).Accepted());
}
