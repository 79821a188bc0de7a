using Ledger.Domain;
using Ledger.Domain.Accounts;
using static Ledger.Tests.Domain.DomainFixtures;

namespace Ledger.Tests.Domain;

public class AccountDecisionTests
{
    private const string Subject = "user-ada";

    private static Account Synced(params TokenEvidence[] tokens)
    {
        Account? account = null;
        foreach (var token in tokens)
        {
            account = AccountDecisions.Sync(account, token, Now).Aggregate(account, Account.ApplyEvent);
        }

        return account!;
    }

    [Fact]
    public void First_sync_registers_account()
    {
        var events = AccountDecisions.Sync(null, new TokenEvidence(Subject, null, null), Now);

        var registered = Assert.IsType<AccountRegistered>(Assert.Single(events));
        Assert.Equal(Subject, registered.Subject);
        Assert.Equal(Now, registered.RegisteredAt);
    }

    [Fact]
    public void Known_account_is_not_registered_again()
    {
        var account = Synced(new TokenEvidence(Subject, null, null));

        Assert.Empty(AccountDecisions.Sync(account, new TokenEvidence(Subject, null, null), Now.AddDays(1)));
    }

    [Fact]
    public void Verified_email_is_recorded_lower_cased()
    {
        var events = AccountDecisions.Sync(null, new TokenEvidence(Subject, " Ada@CS.Ox.AC.uk ", null), Now);

        Assert.IsType<AccountRegistered>(events[0]);
        var verified = Assert.IsType<EmailVerified>(events[1]);
        Assert.Equal(2, events.Count);
        Assert.Equal("ada@cs.ox.ac.uk", verified.Address);
        Assert.Equal("cs.ox.ac.uk", verified.Domain);
        Assert.Equal(Now, verified.VerifiedAt);
    }

    [Fact]
    public void Same_email_again_appends_nothing()
    {
        var account = Synced(new TokenEvidence(Subject, "ada@ox.ac.uk", null));

        Assert.Empty(AccountDecisions.Sync(account, new TokenEvidence(Subject, "ADA@ox.ac.uk", null), Now.AddDays(1)));
        Assert.Equal(Now, account.EmailVerifiedAt);
    }

    [Fact]
    public void Changed_email_is_recorded_again()
    {
        var account = Synced(new TokenEvidence(Subject, "ada@ox.ac.uk", null));

        var events = AccountDecisions.Sync(account, new TokenEvidence(Subject, "ada@cam.ac.uk", null), Now.AddDays(1));

        var verified = Assert.IsType<EmailVerified>(Assert.Single(events));
        Assert.Equal("ada@cam.ac.uk", verified.Address);
        Assert.Equal("cam.ac.uk", verified.Domain);
        Assert.Equal(Now.AddDays(1), verified.VerifiedAt);
    }

    [Theory]
    [InlineData("ada")]
    [InlineData("@ox.ac.uk")]
    [InlineData("ada@")]
    [InlineData("   ")]
    public void Malformed_email_is_ignored(string email)
    {
        var account = Synced(new TokenEvidence(Subject, null, null));

        Assert.Empty(AccountDecisions.Sync(account, new TokenEvidence(Subject, email, null), Now));
    }

    [Fact]
    public void Orcid_url_linked_in_normal_form()
    {
        var account = Synced(new TokenEvidence(Subject, null, null));

        var events = AccountDecisions.Sync(account,
            new TokenEvidence(Subject, null, "https://orcid.org/" + RecordOrcid), Now);

        var linked = Assert.IsType<OrcidLinked>(Assert.Single(events));
        Assert.Equal(RecordOrcid, linked.Orcid);
        Assert.Equal(Now, linked.LinkedAt);
    }

    [Fact]
    public void Same_evidence_twice_appends_nothing()
    {
        var token = new TokenEvidence(Subject, "ada@ox.ac.uk", RecordOrcid);
        var account = Synced(token);

        Assert.Empty(AccountDecisions.Sync(account, token, Now.AddDays(1)));
        Assert.Empty(AccountDecisions.Sync(account, token with { Orcid = "https://orcid.org/" + RecordOrcid }, Now));
    }

    [Fact]
    public void Changed_orcid_is_linked_again()
    {
        var account = Synced(new TokenEvidence(Subject, null, RecordOrcid));

        var events = AccountDecisions.Sync(account, new TokenEvidence(Subject, null, OtherOrcid), Now);

        Assert.Equal(OtherOrcid, Assert.IsType<OrcidLinked>(Assert.Single(events)).Orcid);
    }

    [Fact]
    public void Invalid_orcid_is_ignored()
    {
        // The last character is a wrong check digit for 0000-0002-1825-009.
        var events = AccountDecisions.Sync(null, new TokenEvidence(Subject, null, "0000-0002-1825-0098"), Now);

        Assert.IsType<AccountRegistered>(Assert.Single(events));
    }

    [Fact]
    public void Invalid_orcid_keeps_linked_orcid()
    {
        var account = Synced(new TokenEvidence(Subject, null, RecordOrcid));

        Assert.Empty(AccountDecisions.Sync(account, new TokenEvidence(Subject, null, "not-an-orcid"), Now));
    }

    [Fact]
    public void Suspending_unknown_account_is_not_found()
    {
        var decision = AccountDecisions.Suspend(null, "user-nobody", "spam", "verifier-1", Now);

        AssertRejected(decision, RejectionKind.NotFound, "account-not-found");
        Assert.Equal("user-nobody", decision.Rejection!.Value);
    }

    [Fact]
    public void Suspension_carries_followed_records()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var account = NewAccount(Subject).Then([
            new AuthorFollowed(Subject, first, Now),
            new AuthorFollowed(Subject, second, Now),
        ]);

        var events = AccountDecisions.Suspend(account, Subject, "spam", "verifier-1", Now).Accepted();

        var suspended = Assert.IsType<AccountSuspended>(Assert.Single(events));
        Assert.Equal(new[] { first, second }.Order(), suspended.FollowedAuthorIds.Order());
        Assert.Equal("verifier-1", suspended.SuspendedBy);
        Assert.Equal("spam", suspended.Reason);
        Assert.True(account.Then(events).Suspended);
    }

    [Fact]
    public void Suspending_twice_appends_nothing()
    {
        var account = NewAccount(Subject);
        var suspended = account.Then(AccountDecisions.Suspend(account, Subject, "spam", "verifier-1", Now).Accepted());

        Assert.Empty(AccountDecisions.Suspend(suspended, Subject, "spam", "verifier-1", Now).Accepted());
    }

    [Fact]
    public void Reinstating_unknown_account_is_not_found()
    {
        var decision = AccountDecisions.Reinstate(null, "user-nobody", "appeal upheld", "verifier-1", Now);

        AssertRejected(decision, RejectionKind.NotFound, "account-not-found");
    }

    [Fact]
    public void Reinstating_active_account_appends_nothing()
    {
        Assert.Empty(AccountDecisions.Reinstate(NewAccount(Subject), Subject, "appeal upheld", "verifier-1", Now)
            .Accepted());
    }

    [Fact]
    public void Reinstatement_carries_followed_records()
    {
        var followed = Guid.NewGuid();
        var account = NewAccount(Subject).Then([
            new AuthorFollowed(Subject, followed, Now),
            new AccountSuspended(Subject, "spam", "verifier-1", Now, [followed]),
        ]);

        var events = AccountDecisions.Reinstate(account, Subject, "appeal upheld", "verifier-2", Now).Accepted();

        var reinstated = Assert.IsType<AccountReinstated>(Assert.Single(events));
        Assert.Equal([followed], reinstated.FollowedAuthorIds);
        Assert.False(account.Then(events).Suspended);
    }
}
