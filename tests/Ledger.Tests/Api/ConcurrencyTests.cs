using Ledger.Tests.Infrastructure;

namespace Ledger.Tests.Api;

public class ConcurrencyTests(AppFixture app) : AppTest(app)
{
    private const string Record = "/api/authors/A7000000001";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportOxfordRecordAsync();
    }

    [Fact]
    public async Task Twenty_concurrent_claims_leave_one_in_force()
    {
        var results = await Task.WhenAll(Enumerable.Range(1, 20)
            .Select(i => PostAsync($"{Record}/claims", new { }, App.ResearcherToken($"claimant-{i}"))));
        await WaitForViewsAsync();

        Assert.All(results, r => Assert.Equal(201, r.Status));
        var statuses = results.Select(r => r.Body.GetProperty("status").GetString()).ToList();
        Assert.Equal(1, statuses.Count(s => s == "pending"));
        Assert.Equal(19, statuses.Count(s => s == "disputed"));
        var profile = await GetJsonAsync(Record);
        Assert.Equal("pending", profile.GetProperty("claim").GetProperty("status").GetString());
        Assert.True(profile.GetProperty("claim").GetProperty("disputeOpen").GetBoolean());
    }

    [Fact]
    public async Task Two_hundred_concurrent_follows_and_unfollows()
    {
        var tokens = Enumerable.Range(1, 200).Select(i => App.ResearcherToken($"fan-{i}")).ToList();

        var follows = await Task.WhenAll(tokens.Select(t => PostAsync($"{Record}/follow", null, t)));
        await WaitForViewsAsync();
        var followed = (await GetJsonAsync(Record)).GetProperty("counts").GetProperty("followers").GetInt32();

        var unfollows = await Task.WhenAll(tokens.Select(t => PostAsync($"{Record}/unfollow", null, t)));
        await WaitForViewsAsync();
        var unfollowed = (await GetJsonAsync(Record)).GetProperty("counts").GetProperty("followers").GetInt32();

        Assert.All(follows, r => Assert.Equal(200, r.Status));
        Assert.All(unfollows, r => Assert.Equal(200, r.Status));
        Assert.Equal(200, followed);
        Assert.Equal(0, unfollowed);
    }
}
