using Ledger.Api.Authors.Expiring;
using Ledger.Tests.Infrastructure;
using Marten;

namespace Ledger.Tests.Api;

public class EvidenceExpiryTests(AppFixture app) : AppTest(app)
{
    private const string Record = "/api/authors/A7000000001";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportOxfordRecordAsync();
    }

    [Fact]
    public async Task Email_evidence_older_than_24_months_drops_tier()
    {
        var message = await ClaimWithEmailAsync();
        var before = await GetJsonAsync($"{Record}/verification");

        App.Clock.Advance(TimeSpan.FromDays(2 * 365 + 1));
        await InvokeAsync(message);
        var after = await GetJsonAsync($"{Record}/verification");
        var trust = await GetJsonAsync($"{Record}/trust");

        Assert.Equal("L2", before.GetProperty("tier").GetString());
        Assert.Equal("L1", after.GetProperty("tier").GetString());
        Assert.Equal(8, trust.GetProperty("factors")[0].GetProperty("points").GetInt32());
        Assert.Equal(AppFixture.Start.AddMonths(24), trust.GetProperty("evaluatedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task New_strong_evidence_renews_expired_claim()
    {
        var message = await ClaimWithEmailAsync();
        App.Clock.Advance(TimeSpan.FromDays(2 * 365 + 1));
        await InvokeAsync(message);

        var (status, renewed, _) = await PostAsync($"{Record}/claims/{message.ClaimId}/evidence",
            new { kind = "orcid-sign-in", value = "linked" },
            App.ResearcherToken("ada", orcid: "0000-0002-1825-0097"));
        await WaitForViewsAsync();

        Assert.Equal(200, status);
        Assert.Equal("orcid", renewed.GetProperty("strongEvidence").GetProperty("kind").GetString());
        Assert.Equal("L2", (await GetJsonAsync($"{Record}/verification")).GetProperty("tier").GetString());
    }

    [Fact]
    public async Task Expiry_message_before_due_time_changes_nothing()
    {
        var message = await ClaimWithEmailAsync();
        var before = await EventCountAsync("openalex:A7000000001");

        App.Clock.Advance(TimeSpan.FromDays(300));
        await InvokeAsync(message);

        Assert.Equal(before, await EventCountAsync("openalex:A7000000001"));
        Assert.Equal("L2", (await GetJsonAsync($"{Record}/verification")).GetProperty("tier").GetString());
    }

    [Fact]
    public async Task Expiry_is_stored_as_durable_scheduled_message()
    {
        await ClaimWithEmailAsync();

        await using var session = App.Store.QuerySession();
        var due = await session.QueryAsync<DateTimeOffset>(
            "select execution_time from ledger.wolverine_incoming_envelopes "
            + "where status = 'Scheduled' and message_type like '%ExpireClaimEvidence%'",
            TestContext.Current.CancellationToken);

        Assert.Equal(AppFixture.Start.AddMonths(24), Assert.Single(due));
    }

    private async Task<ExpireClaimEvidence> ClaimWithEmailAsync()
    {
        var (status, claim, _) = await PostAsync($"{Record}/claims", new { },
            App.ResearcherToken("ada", email: "ada@ox.ac.uk"));
        await WaitForViewsAsync();
        Assert.Equal(201, status);
        return new ExpireClaimEvidence(Guid.Parse(claim.GetProperty("authorId").GetString()!),
            Guid.Parse(claim.GetProperty("claimId").GetString()!));
    }
}
