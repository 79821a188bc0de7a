using System.Text.Json;
using Alba;
using Ledger.Domain.Authors;
using Ledger.Domain.Authors.Importing;
using Ledger.Tests.Infrastructure;

namespace Ledger.Tests.Api;

public class ImportTests(AppFixture app) : AppTest(app)
{
    private const string ExternalId = "openalex:A5000000001";

    private static string SeedAuthorLine() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "authors.jsonl")).Trim();

    [Fact]
    public async Task Importing_twice_appends_no_new_events()
    {
        await ImportSeedsAsync();
        var before = await EventCountAsync(ExternalId);

        await ImportSeedsAsync();

        Assert.Equal(10, before);
        Assert.Equal(before, await EventCountAsync(ExternalId));
    }

    [Fact]
    public async Task Changed_field_appends_only_that_change()
    {
        await ImportSeedsAsync();
        var changed = SeedAuthorLine().Replace(
            "Lechao Xiao contributes to research discovery and scholarly infrastructure.",
            "Lechao Xiao studies wide neural networks.", StringComparison.Ordinal);

        var result = await ImportAsync(changed);

        await using var session = App.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(AuthorIds.ForExternalId(ExternalId),
            token: TestContext.Current.CancellationToken);
        Assert.Equal(11, events.Count);
        var change = Assert.IsType<ImportedFieldChanged>(events[^1].Data);
        Assert.Equal(AuthorField.Description, change.Field);
        Assert.Equal("Lechao Xiao studies wide neural networks.", change.Current);
        Assert.Equal(1, (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("eventsAppended").GetInt32());

        var profile = await App.Host.GetAsJson<JsonElement>("/api/authors/A5000000001");
        Assert.Equal("Lechao Xiao studies wide neural networks.", profile.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Import_events_carry_who_and_when()
    {
        await ImportSeedsAsync();

        await using var session = App.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(AuthorIds.ForExternalId(ExternalId),
            token: TestContext.Current.CancellationToken);
        var imported = Assert.IsType<AuthorImported>(events[0].Data);
        Assert.Equal("admin-1", imported.ImportedBy);
        Assert.Equal(AppFixture.Start, imported.ImportedAt);
        Assert.Equal("admin-1", events[0].UserName);
    }

    [Theory]
    [InlineData("""{"id":"https://openalex.org/A1"}""", "display_name")]
    [InlineData("""{"id":"https://openalex.org/A1","display_name":"X","orcid":"0000-0002-1825-0098"}""", "orcid")]
    [InlineData("""{"id":"W1","title":"T","publication_year":"new","authorships":[]}""", "publication_year")]
    [InlineData("not json", "$")]
    public async Task Malformed_import_gets_400_naming_the_field(string body, string field)
    {
        var result = await ImportAsync(body, 400);

        var problem = await result.ReadAsJsonAsync<JsonElement>();
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains($"'{field}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("import-invalid", problem.GetProperty("rule").GetString());
        await using var session = App.Store.QuerySession();
        Assert.Equal(0, await Marten.QueryableExtensions.CountAsync(session.Events.QueryAllRawEvents(),
            TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Import_without_token_gets_401_problem()
    {
        await App.Host.Scenario(s =>
        {
            s.Post.Text(SeedAuthorLine()).ToUrl("/api/imports");
            s.WithRequestHeader("Content-Type", "application/json");
            s.ShouldReturnProblemDetails(401);
        });
    }

    [Fact]
    public async Task Import_by_researcher_gets_403_problem()
    {
        await App.Host.Scenario(s =>
        {
            s.Post.Text(SeedAuthorLine()).ToUrl("/api/imports");
            s.WithRequestHeader("Content-Type", "application/json");
            s.WithBearerToken(App.TokenFor("researcher-1", "researcher"));
            s.ShouldReturnProblemDetails(403);
        });
    }
}
