using Ledger.Domain.Accounts;
using static Ledger.Tests.Domain.DomainFixtures;

namespace Ledger.Tests.Domain;

public class FollowerCountTests
{
    private const string Claimant = "user-claimant";

    private static Followers FollowedBy(params string[] subjects) =>
        subjects.Aggregate(Followers.None, (followers, s) => followers.Apply(new AuthorFollowed(s, AuthorId, Now)));

    [Fact]
    public void First_follow_appends_one_follow()
    {
        var events = AccountDecisions.Follow(NewAccount("user-1"), AuthorId, Now);

        var followed = Assert.IsType<AuthorFollowed>(Assert.Single(events));
        Assert.Equal(AuthorId, followed.AuthorId);
        Assert.Equal("user-1", followed.Subject);
    }

    [Fact]
    public void Following_twice_appends_nothing()
    {
        var account = NewAccount("user-1");
        account = account.Then(AccountDecisions.Follow(account, AuthorId, Now));

        Assert.Empty(AccountDecisions.Follow(account, AuthorId, Now.AddMinutes(1)));
    }

    [Fact]
    public void Unfollowing_unfollowed_record_appends_nothing()
    {
        Assert.Empty(AccountDecisions.Unfollow(NewAccount("user-1"), AuthorId, Now));
    }

    [Fact]
    public void Unfollow_then_follow_appends_one_follow()
    {
        var account = NewAccount("user-1");
        account = account.Then(AccountDecisions.Follow(account, AuthorId, Now));
        var unfollow = AccountDecisions.Unfollow(account, AuthorId, Now.AddMinutes(1));
        account = account.Then(unfollow);

        var again = AccountDecisions.Follow(account, AuthorId, Now.AddMinutes(2));

        Assert.IsType<AuthorUnfollowed>(Assert.Single(unfollow));
        Assert.IsType<AuthorFollowed>(Assert.Single(again));
    }

    [Fact]
    public void Every_plain_follower_counts()
    {
        Assert.Equal(3, FollowedBy("user-1", "user-2", "user-3").CountingFor(Claimant));
    }

    [Fact]
    public void Unfollowed_account_does_not_count()
    {
        var followers = FollowedBy("user-1", "user-2").Apply(new AuthorUnfollowed("user-1", AuthorId, Now));

        Assert.Equal(1, followers.CountingFor(Claimant));
    }

    [Fact]
    public void Suspended_follower_does_not_count()
    {
        var followers = FollowedBy("user-1", "user-2")
            .Apply(new AccountSuspended("user-1", "spam", "verifier-1", Now, [AuthorId]));

        Assert.Equal(1, followers.CountingFor(Claimant));
        Assert.Contains("user-1", followers.Suspended);
    }

    [Fact]
    public void Claimant_follow_does_not_count()
    {
        var followers = FollowedBy(Claimant, "user-1");

        Assert.Equal(1, followers.CountingFor(Claimant));
        Assert.Equal(2, followers.CountingFor(null));
    }

    [Fact]
    public void Suspended_claimant_is_subtracted_once()
    {
        var followers = FollowedBy(Claimant, "user-1")
            .Apply(new AccountSuspended(Claimant, "spam", "verifier-1", Now, [AuthorId]));

        Assert.Equal(1, followers.CountingFor(Claimant));
        Assert.Equal(1, followers.CountingFor(null));
    }

    [Fact]
    public void Unfollowing_clears_the_suspension()
    {
        var followers = FollowedBy("user-1", "user-2")
            .Apply(new AccountSuspended("user-1", "spam", "verifier-1", Now, [AuthorId]))
            .Apply(new AuthorUnfollowed("user-1", AuthorId, Now));

        Assert.Empty(followers.Suspended);
        Assert.Equal(1, followers.CountingFor(Claimant));
    }

    [Fact]
    public void Reinstated_follower_counts_again()
    {
        var followers = FollowedBy("user-1", "user-2")
            .Apply(new AccountSuspended("user-1", "spam", "verifier-1", Now, [AuthorId]))
            .Apply(new AccountReinstated("user-1", "appeal upheld", "verifier-1", Now.AddDays(1), [AuthorId]));

        Assert.Equal(2, followers.CountingFor(Claimant));
    }

    [Fact]
    public void Suspending_non_follower_changes_nothing()
    {
        var followers = FollowedBy("user-1");

        var after = followers.Apply(new AccountSuspended("user-9", "spam", "verifier-1", Now, []));

        Assert.Equal(followers.Since, after.Since);
        Assert.Equal(followers.Suspended, after.Suspended);
        Assert.Equal(1, after.CountingFor(Claimant));
    }
}
