using System.Text.Json;
using Ledger.Domain.Authors;
using Ledger.Tests.Infrastructure;
using Marten;

namespace Ledger.Tests.Api;

public class IntegrityTests(AppFixture app) : AppTest(app)
{
    private const string Record = "/api/authors/A7000000001";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportOxfordRecordAsync();
        await PostAsync($"{Record}/claims", new { }, App.ResearcherToken("ada"));
        await PostAsync($"{Record}/claims", new { }, App.ResearcherToken("bob"));
    }

    [Fact]
    public async Task Untouched_stream_is_intact()
    {
        var report = await GetJsonAsync($"{Record}/integrity");

        Assert.True(report.GetProperty("intact").GetBoolean());
        Assert.Equal(4, report.GetProperty("events").GetInt64());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("firstBrokenVersion").ValueKind);
    }

    [Fact]
    public async Task Updated_event_data_names_its_version()
    {
        await ExecuteAsync("update ledger.mt_events set data = jsonb_set(data, '{claimant}', '\"mallory\"') "
            + $"where stream_id = '{AuthorIds.ForExternalId("openalex:A7000000001")}' and version = 3");

        var report = await GetJsonAsync($"{Record}/integrity");

        Assert.False(report.GetProperty("intact").GetBoolean());
        Assert.Equal(3, report.GetProperty("firstBrokenVersion").GetInt64());
    }

    [Fact]
    public async Task Changed_metadata_names_its_version()
    {
        await ExecuteAsync("update ledger.mt_events set user_name = 'mallory' "
            + $"where stream_id = '{AuthorIds.ForExternalId("openalex:A7000000001")}' and version = 2");

        var report = await GetJsonAsync($"{Record}/integrity");

        Assert.Equal(2, report.GetProperty("firstBrokenVersion").GetInt64());
    }

    [Fact]
    public async Task Deleted_event_breaks_the_chain()
    {
        await ExecuteAsync("delete from ledger.mt_events "
            + $"where stream_id = '{AuthorIds.ForExternalId("openalex:A7000000001")}' and version = 2");

        var report = await GetJsonAsync($"{Record}/integrity");

        Assert.Equal(3, report.GetProperty("firstBrokenVersion").GetInt64());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var session = App.Store.LightweightSession();
        session.QueueSqlCommand(sql);
        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
