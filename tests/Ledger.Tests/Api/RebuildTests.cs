using Ledger.Tests.Infrastructure;
using Marten;

namespace Ledger.Tests.Api;

public class RebuildTests(AppFixture app) : AppTest(app)
{
    private static readonly string[] Projections = ["AuthorProfile", "Invitation"];

    // Marten suffixes a view's table with its projection's version.
    private static readonly string[] Tables = ["mt_doc_authorprofile_2", "mt_doc_invitation"];

    [Fact]
    public async Task Rebuilt_views_equal_the_live_ones()
    {
        await ImportSeedsAsync();
        await ImportOxfordRecordAsync();
        App.Clock.Advance(TimeSpan.FromDays(3));
        await ImportAsync(SeedWithChangedName());
        await PostAsync("/api/authors/A7000000001/follow", null, App.ResearcherToken("fan"));
        await PostAsync("/api/authors/A7000000001/claims", new { },
            App.ResearcherToken("ada", orcid: "0000-0002-1825-0097"));
        await PostAsync("/api/authors/A5000000001/claims", new { }, App.ResearcherToken("bob"));
        await PostAsync("/api/authors/A7000000001/invitations", new { message = "hello" }, App.ResearcherToken("fan"));
        await PostAsync("/api/accounts/fan/suspend", new { reason = "spam" }, App.VerifierToken("vera"));
        await WaitForViewsAsync();

        var live = await SnapshotAsync();

        // The clock moves on, so a view that read it instead of the events would differ.
        App.Clock.Advance(TimeSpan.FromDays(400));
        using var daemon = await App.Store.BuildProjectionDaemonAsync();
        foreach (var projection in Projections)
        {
            await daemon.RebuildProjectionAsync(projection, CancellationToken.None);
        }

        var rebuilt = await SnapshotAsync();
        // Two profiles and one invitation.
        Assert.Equal(2 + 1, live.Count);
        Assert.Equal(live, rebuilt);
    }

    private static string SeedWithChangedName() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "authors.jsonl"))
            .Replace("\"Lechao Xiao\"", "\"Lechao  Xiao\"", StringComparison.Ordinal);

    /// <summary>Reads the stored JSON of every view row, so that the comparison covers every field.</summary>
    private async Task<List<string>> SnapshotAsync()
    {
        await using var session = App.Store.QuerySession();
        var rows = new List<string>();
        foreach (var table in Tables)
        {
            rows.AddRange(await session.QueryAsync<string>(
                $"select id::text || ' ' || data::text from ledger.{table} order by id"));
        }

        return rows;
    }
}
