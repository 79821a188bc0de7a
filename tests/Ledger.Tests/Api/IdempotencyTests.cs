using Ledger.Tests.Infrastructure;

namespace Ledger.Tests.Api;

public class IdempotencyTests(AppFixture app) : AppTest(app)
{
    private const string Record = "/api/authors/A7000000001";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportOxfordRecordAsync();
    }

    [Fact]
    public async Task Same_key_twice_appends_once_and_replays()
    {
        var token = App.ResearcherToken("ada");

        var first = await PostAsync($"{Record}/claims", new { }, token, idempotencyKey: "claim-1");
        var second = await PostAsync($"{Record}/claims", new { }, token, idempotencyKey: "claim-1");

        Assert.Equal(201, first.Status);
        Assert.Equal(201, second.Status);
        Assert.Equal(first.Body.GetRawText(), second.Body.GetRawText());
        Assert.Equal(first.Result.Context.Response.Headers.Location.ToString(),
            second.Result.Context.Response.Headers.Location.ToString());
        Assert.Equal(2, await EventCountAsync("openalex:A7000000001"));
    }

    [Fact]
    public async Task Key_of_failed_attempt_can_be_used_again()
    {
        var token = App.ResearcherToken("ada");

        var failed = await PostAsync("/api/authors/A404/claims", new { }, token, idempotencyKey: "retry-me");
        var succeeded = await PostAsync($"{Record}/claims", new { }, token, idempotencyKey: "retry-me");

        Assert.Equal(404, failed.Status);
        Assert.Equal(201, succeeded.Status);
    }

    [Fact]
    public async Task Key_reused_for_other_request_gets_422()
    {
        var token = App.ResearcherToken("ada");
        await PostAsync($"{Record}/follow", null, token, idempotencyKey: "k");

        var reused = await PostAsync($"{Record}/claims", new { }, token, idempotencyKey: "k");

        Assert.Equal(422, reused.Status);
        Assert.Equal(1, await EventCountAsync("openalex:A7000000001"));
    }

    [Fact]
    public async Task Keys_belong_to_their_subject()
    {
        await PostAsync($"{Record}/claims", new { }, App.ResearcherToken("ada"), idempotencyKey: "same");

        var other = await PostAsync($"{Record}/claims", new { }, App.ResearcherToken("bob"), idempotencyKey: "same");

        Assert.Equal(201, other.Status);
        Assert.Equal("bob", other.Body.GetProperty("claimant").GetString());
    }
}
