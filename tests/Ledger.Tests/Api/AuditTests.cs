using System.Text.Json;
using Ledger.Tests.Infrastructure;

namespace Ledger.Tests.Api;

public class AuditTests(AppFixture app) : AppTest(app)
{
    private const string Record = "/api/authors/A7000000001";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportOxfordRecordAsync();
    }

    [Fact]
    public async Task History_pages_events_with_metadata()
    {
        await PostAsync($"{Record}/claims", new { }, App.ResearcherToken("ada"));
        await PostAsync($"{Record}/claims", new { }, App.ResearcherToken("bob"));

        var first = await GetJsonAsync($"{Record}/history?limit=2");
        var second = await GetJsonAsync($"{Record}/history?fromVersion={first.GetProperty("nextFromVersion")}&limit=2");

        var events = first.GetProperty("events").EnumerateArray().Concat(second.GetProperty("events").EnumerateArray())
            .ToList();
        Assert.Equal([1, 2, 3, 4], events.Select(e => e.GetProperty("version").GetInt64()));
        Assert.Equal("author_imported", events[0].GetProperty("type").GetString());
        Assert.Equal("admin-1", events[0].GetProperty("actor").GetString());
        Assert.Equal("ada", events[1].GetProperty("actor").GetString());
        Assert.Equal("ada", events[1].GetProperty("data").GetProperty("claimant").GetString());
        Assert.Equal(64, events[3].GetProperty("hash").GetString()!.Length);
        Assert.True(events.Zip(events.Skip(1)).All(p =>
            p.Second.GetProperty("sequence").GetInt64() > p.First.GetProperty("sequence").GetInt64()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextFromVersion").ValueKind);
    }

    [Fact]
    public async Task Claim_history_lists_every_transition()
    {
        await PostAsync($"{Record}/claims", new { evidence = new[] { new { kind = "link", value = "https://x" } } },
            App.ResearcherToken("ada"));
        var (_, challenger, _) = await PostAsync($"{Record}/claims", new { }, App.ResearcherToken("bob"));
        await PostAsync($"{Record}/disputes/{challenger.GetProperty("openDisputeId")}/resolve",
            new { inFavourOf = "Incumbent", reason = "ada showed her thesis" }, App.VerifierToken("vera"));

        var history = await GetJsonAsync($"{Record}/claims");

        var claims = history.GetProperty("claims");
        Assert.Equal(2, claims.GetArrayLength());
        var ada = claims[0];
        Assert.Equal("pending", ada.GetProperty("status").GetString());
        Assert.Equal("https://x",
            ada.GetProperty("transitions")[0].GetProperty("evidence").GetProperty("evidence")[0].GetProperty("value")
                .GetString());
        var bob = claims[1].GetProperty("transitions").EnumerateArray()
            .Select(t => t.GetProperty("transition").GetString()).ToList();
        Assert.Equal(["requested", "dispute opened", "rejected"], bob);
        var dispute = history.GetProperty("disputes")[0];
        Assert.False(dispute.GetProperty("open").GetBoolean());
        var resolution = dispute.GetProperty("transitions")[1];
        Assert.Equal("vera", resolution.GetProperty("actor").GetString());
        Assert.Equal("ada showed her thesis", resolution.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Trust_history_names_the_causing_events()
    {
        await PostAsync($"{Record}/follow", null, App.ResearcherToken("fan"));
        await PostAsync($"{Record}/claims", new { }, App.ResearcherToken("ada", orcid: "0000-0002-1825-0097"));
        await WaitForViewsAsync();

        var history = await GetJsonAsync($"{Record}/trust/history");

        var changes = history.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("score").GetInt32(), c.GetProperty("eventType").GetString())).ToList();
        Assert.Equal([(8, "author_imported"), (10, "author_followed"), (32, "claim_approved")], changes);
        Assert.Equal("v1", history.GetProperty("policy").GetString());
    }

    [Fact]
    public async Task Trust_as_of_past_time_equals_view_then()
    {
        await PostAsync($"{Record}/follow", null, App.ResearcherToken("fan"));
        await WaitForViewsAsync();
        var then = await GetJsonAsync($"{Record}/trust");
        var thenAt = then.GetProperty("evaluatedAt").GetDateTimeOffset();

        App.Clock.Advance(TimeSpan.FromDays(1));
        var (_, claim, _) = await PostAsync($"{Record}/claims", new { },
            App.ResearcherToken("ada", orcid: "0000-0002-1825-0097"));
        App.Clock.Advance(TimeSpan.FromDays(1));
        await PostAsync($"{Record}/claims/{claim.GetProperty("claimId")}/revoke", new { reason = "stolen iD" },
            App.VerifierToken("vera"));
        await WaitForViewsAsync();

        var asOf = await GetJsonAsync($"{Record}/trust?at={Uri.EscapeDataString(thenAt.ToString("O"))}");
        var byVersion = await GetJsonAsync($"{Record}/trust?version=1");
        var again = await GetJsonAsync($"{Record}/trust?at={Uri.EscapeDataString(thenAt.ToString("O"))}");

        Assert.Equal(then.GetProperty("score").GetInt32(), asOf.GetProperty("score").GetInt32());
        Assert.Equal(then.GetProperty("factors").GetRawText(), asOf.GetProperty("factors").GetRawText());
        Assert.Equal(thenAt, asOf.GetProperty("evaluatedAt").GetDateTimeOffset());
        Assert.True(asOf.GetProperty("asOf").GetBoolean());
        Assert.Equal(asOf.GetRawText(), again.GetRawText());
        Assert.Equal(8, byVersion.GetProperty("score").GetInt32());
        Assert.NotEqual(then.GetProperty("score").GetInt32(),
            (await GetJsonAsync($"{Record}/trust")).GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task Replay_under_v1_keeps_its_numbers()
    {
        await ImportSeedsAsync();
        await WaitForViewsAsync();

        var v1 = await GetJsonAsync("/api/authors/A5000000001/trust?policy=v1&version=10");
        var v2 = await GetJsonAsync("/api/authors/A5000000001/trust?policy=v2&version=10");

        Assert.Equal([8, 0, 9, 2, 2, 0, 0], Points(v1));
        Assert.Equal(21, v1.GetProperty("score").GetInt32());
        Assert.Equal("v2", v2.GetProperty("policyVersion").GetString());
    }

    [Fact]
    public async Task Dry_run_lists_exactly_the_changed_records()
    {
        await ImportSeedsAsync();
        await PostAsync($"{Record}/claims", new { }, App.ResearcherToken("ada"));
        await WaitForViewsAsync();

        var (status, dryRun) = await GetAsAdminAsync("/api/admin/trust-policy/dry-run?policy=v2");
        var live = await GetJsonAsync($"{Record}/trust");

        Assert.Equal(200, status);
        Assert.Equal(2, dryRun.GetProperty("recordsCompared").GetInt32());
        var change = Assert.Single(dryRun.GetProperty("changes").EnumerateArray());
        Assert.Equal("openalex:A7000000001", change.GetProperty("externalId").GetString());
        Assert.Equal(8, change.GetProperty("liveScore").GetInt32());
        Assert.Equal("New", change.GetProperty("liveBand").GetString());
        Assert.Equal(11, change.GetProperty("newScore").GetInt32());
        Assert.Equal("Emerging", change.GetProperty("newBand").GetString());
        Assert.Equal("v1", live.GetProperty("policyVersion").GetString());
        Assert.Equal(8, live.GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task Switching_live_policy_changes_reads()
    {
        await PostAsync($"{Record}/claims", new { }, App.ResearcherToken("ada"));
        await WaitForViewsAsync();
        var before = await GetJsonAsync($"{Record}/trust");

        var (status, _, _) = await PostAsync("/api/admin/trust-policy", new { version = "v2" }, App.AdminToken);
        var after = await GetJsonAsync($"{Record}/trust");
        var profile = await GetJsonAsync(Record);

        Assert.Equal(200, status);
        Assert.Equal("v1", before.GetProperty("policyVersion").GetString());
        Assert.Equal(8, before.GetProperty("score").GetInt32());
        Assert.Equal("v2", after.GetProperty("policyVersion").GetString());
        Assert.Equal(11, after.GetProperty("score").GetInt32());
        Assert.Equal("v2", profile.GetProperty("trust").GetProperty("policyVersion").GetString());
    }

    [Fact]
    public async Task Account_streams_are_not_records()
    {
        await PostAsync($"{Record}/follow", null, App.ResearcherToken("fan", email: "fan@example.org"));
        var accountStream = Ledger.Domain.Accounts.AccountIds.ForSubject("fan");

        foreach (var route in new[] { "history", "claims", "integrity", "trust" })
        {
            var result = await App.Host.Scenario(s =>
            {
                s.Get.Url($"/api/authors/{accountStream}/{route}");
                s.StatusCodeShouldBe(404);
            });
            Assert.Equal("author-not-found",
                JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("rule").GetString());
        }
    }

    [Fact]
    public async Task Public_reads_hide_email_addresses()
    {
        await PostAsync($"{Record}/follow", null, App.ResearcherToken("fan", email: "fan@example.org"));
        await WaitForViewsAsync();

        var feed = await App.Host.Scenario(s => s.Get.Url("/api/events?after=0&limit=1000"));
        var text = await feed.ReadAsTextAsync();

        Assert.Contains("email_verified", text, StringComparison.Ordinal);
        Assert.Contains("example.org", text, StringComparison.Ordinal);
        Assert.DoesNotContain("fan@example.org", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_needs_a_policy()
    {
        var (status, problem) = await GetAsAdminAsync("/api/admin/trust-policy/dry-run");

        Assert.Equal(400, status);
        Assert.Equal("policy-required", problem.GetProperty("rule").GetString());
    }

    private async Task<(int Status, JsonElement Body)> GetAsAdminAsync(string url)
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithBearerToken(App.AdminToken);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode,
            JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.Clone());
    }

    private static int[] Points(JsonElement trust) =>
        trust.GetProperty("factors").EnumerateArray().Select(f => f.GetProperty("points").GetInt32()).ToArray();
}
