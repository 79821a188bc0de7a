using System.Text.Json;
using Alba;
using Ledger.Tests.Infrastructure;

namespace Ledger.Tests.Api;

public class ReferenceProfileTests(AppFixture app) : AppTest(app)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportSeedsAsync();
    }

    [Fact]
    public async Task Profile_matches_the_public_page()
    {
        var result = await App.Host.GetAsJson<JsonElement>("/api/authors/A5000000001");

        Assert.Equal("Lechao Xiao", result.GetProperty("name").GetString());
        Assert.Equal(21, result.GetProperty("trust").GetProperty("score").GetInt32());
        Assert.Equal("Emerging", result.GetProperty("trust").GetProperty("band").GetString());
        Assert.Equal("L1", result.GetProperty("verificationTier").GetString());
        Assert.Equal("unclaimed", result.GetProperty("claim").GetProperty("status").GetString());
        Assert.True(result.GetProperty("openToCollaborate").GetBoolean());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("affiliation").ValueKind);

        var counts = result.GetProperty("counts");
        Assert.Equal(9, counts.GetProperty("works").GetInt32());
        Assert.Equal(0, counts.GetProperty("followers").GetInt32());
        Assert.Equal(4, counts.GetProperty("topics").GetInt32());
        Assert.Equal(4, counts.GetProperty("closeCollaborators").GetInt32());
        Assert.Equal(9, result.GetProperty("works").GetArrayLength());
    }

    [Fact]
    public async Task Works_keep_the_page_order_and_fields()
    {
        var works = (await App.Host.GetAsJson<JsonElement>("/api/authors/A5000000001")).GetProperty("works");

        var first = works[0];
        Assert.Equal("Dataset Distillation with Infinitely Wide Convolutional Networks",
            first.GetProperty("title").GetString());
        Assert.Equal("preprint", first.GetProperty("type").GetString());
        Assert.Equal(2022, first.GetProperty("year").GetInt32());
        Assert.Equal("arXiv", first.GetProperty("venue").GetString());
        Assert.StartsWith("The effectiveness of machine learning algorithms",
            first.GetProperty("abstract").GetString());
        Assert.Equal(2019, works[8].GetProperty("year").GetInt32());
    }

    [Fact]
    public async Task Trust_lists_the_design_factors()
    {
        var trust = await App.Host.GetAsJson<JsonElement>("/api/authors/A5000000001/trust");

        var points = trust.GetProperty("factors").EnumerateArray().Select(f => f.GetProperty("points").GetInt32());
        Assert.Equal([8, 0, 9, 2, 2, 0, 0], points);
        Assert.Equal(21, trust.GetProperty("score").GetInt32());
        Assert.Equal("v1", trust.GetProperty("policyVersion").GetString());
        Assert.Equal(AppFixture.Start, trust.GetProperty("evaluatedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Verification_reads_l1_without_evidence()
    {
        var tier = await App.Host.GetAsJson<JsonElement>("/api/authors/A5000000001/verification");

        Assert.Equal("L1", tier.GetProperty("tier").GetString());
        Assert.True(tier.GetProperty("hasPersistentIdentifier").GetBoolean());
        Assert.Equal(JsonValueKind.Null, tier.GetProperty("evidence").ValueKind);
    }

    [Theory]
    [InlineData("/api/authors/A5000000001")]
    [InlineData("/api/authors/https%3A%2F%2Fopenalex.org%2FA5000000001")]
    [InlineData("/api/authors/a5000000001")]
    public async Task Profile_is_found_by_any_form_of_its_id(string url)
    {
        var result = await App.Host.GetAsJson<JsonElement>(url);

        Assert.Equal("openalex:A5000000001", result.GetProperty("externalId").GetString());
    }

    [Fact]
    public async Task Profile_is_found_by_its_stream_id()
    {
        var byExternal = await App.Host.GetAsJson<JsonElement>("/api/authors/A5000000001");
        var id = byExternal.GetProperty("id").GetString();

        var byStream = await App.Host.GetAsJson<JsonElement>($"/api/authors/{id}");

        Assert.Equal("Lechao Xiao", byStream.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Huge_page_number_gets_400()
    {
        await App.Host.Scenario(s =>
        {
            s.Get.Url("/api/authors?page=2147483647&pageSize=200");
            s.ShouldReturnProblemDetails(400);
        });
    }

    [Fact]
    public async Task List_filters_by_name_ignoring_apostrophe_kind()
    {
        var found = await App.Host.GetAsJson<JsonElement>("/api/authors?name=LECHAO");
        var missing = await App.Host.GetAsJson<JsonElement>("/api/authors?name=O%E2%80%99Brien");

        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal("Lechao Xiao", found.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(0, missing.GetProperty("total").GetInt32());
    }
}
