using Ledger.Domain.Accounts;
using Ledger.Tests.Infrastructure;

namespace Ledger.Tests.Api;

public class FollowTests(AppFixture app) : AppTest(app)
{
    private const string Record = "/api/authors/A7000000001";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportOxfordRecordAsync();
    }

    [Fact]
    public async Task Following_twice_appends_one_event()
    {
        var token = App.ResearcherToken("fan");

        var (firstStatus, first, _) = await PostAsync($"{Record}/follow", null, token);
        var (secondStatus, second, _) = await PostAsync($"{Record}/follow", null, token);
        await WaitForViewsAsync();

        Assert.Equal(200, firstStatus);
        Assert.Equal(200, secondStatus);
        Assert.True(first.GetProperty("changed").GetBoolean());
        Assert.False(second.GetProperty("changed").GetBoolean());
        Assert.Equal(1, await FollowEventCountAsync("fan"));
        Assert.Equal(1, await FollowerCountAsync());
    }

    [Fact]
    public async Task Unfollowing_unknown_follow_appends_nothing()
    {
        var (status, body, _) = await PostAsync($"{Record}/unfollow", null, App.ResearcherToken("fan"));

        Assert.Equal(200, status);
        Assert.False(body.GetProperty("changed").GetBoolean());
        Assert.Equal(0, await FollowEventCountAsync("fan"));
    }

    [Fact]
    public async Task Unfollow_then_follow_counts_once()
    {
        var token = App.ResearcherToken("fan");
        await PostAsync($"{Record}/follow", null, token);
        await PostAsync($"{Record}/unfollow", null, token);
        await PostAsync($"{Record}/follow", null, token);
        await WaitForViewsAsync();

        Assert.Equal(1, await FollowerCountAsync());
        Assert.Equal(2, (await GetJsonAsync($"{Record}/trust")).GetProperty("factors")[5]
            .GetProperty("points").GetInt32());
    }

    [Fact]
    public async Task Suspended_follower_stops_counting_until_reinstated()
    {
        await PostAsync($"{Record}/follow", null, App.ResearcherToken("fan"));
        await PostAsync($"{Record}/follow", null, App.ResearcherToken("other"));

        await PostAsync("/api/accounts/fan/suspend", new { reason = "spam ring" }, App.VerifierToken("vera"));
        await WaitForViewsAsync();
        var suspended = await FollowerCountAsync();
        var (blockedStatus, blocked, _) = await PostAsync($"{Record}/unfollow", null, App.ResearcherToken("fan"));

        await PostAsync("/api/accounts/fan/reinstate", new { reason = "appeal upheld" }, App.VerifierToken("vera"));
        await WaitForViewsAsync();

        Assert.Equal(1, suspended);
        Assert.Equal(403, blockedStatus);
        Assert.Equal("account-suspended", blocked.GetProperty("rule").GetString());
        Assert.Equal(2, await FollowerCountAsync());
    }

    [Fact]
    public async Task Claimant_following_own_record_does_not_count()
    {
        var claimant = App.ResearcherToken("ada", orcid: "0000-0002-1825-0097");
        await PostAsync($"{Record}/claims", new { }, claimant);
        await PostAsync($"{Record}/follow", null, claimant);
        await WaitForViewsAsync();

        var followers = await GetJsonAsync($"{Record}/followers");

        Assert.Equal(0, followers.GetProperty("count").GetInt32());
        Assert.False(followers.GetProperty("followers")[0].GetProperty("counts").GetBoolean());
    }

    [Fact]
    public async Task Follow_of_unknown_record_gets_404()
    {
        var (status, problem, _) = await PostAsync("/api/authors/A404/follow", null, App.ResearcherToken("fan"));

        Assert.Equal(404, status);
        Assert.Equal("author-not-found", problem.GetProperty("rule").GetString());
        Assert.Equal(0, await FollowEventCountAsync("fan"));
    }

    [Theory]
    [InlineData("O'Hara")]
    [InlineData("o\u2019hara")]
    [InlineData("ADA  O\u2019HARA")]
    public async Task Name_search_folds_apostrophes(string query)
    {
        var found = await GetJsonAsync($"/api/authors?name={Uri.EscapeDataString(query)}");

        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal("Ada O\u2019Hara", found.GetProperty("items")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Researcher_cannot_suspend_accounts()
    {
        var (status, _, _) = await PostAsync("/api/accounts/fan/suspend", new { reason = "x" },
            App.ResearcherToken("bob"));

        Assert.Equal(403, status);
    }

    private async Task<int> FollowerCountAsync() =>
        (await GetJsonAsync(Record))
        .GetProperty("counts").GetProperty("followers").GetInt32();

    private async Task<int> FollowEventCountAsync(string subject)
    {
        await using var session = App.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(AccountIds.ForSubject(subject),
            token: TestContext.Current.CancellationToken);
        return events.Count(e => e.Data is AuthorFollowed or AuthorUnfollowed);
    }
}
