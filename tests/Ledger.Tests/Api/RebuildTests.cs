using JasperFx.Events.Daemon;
using Ledger.Projections;
using Ledger.Tests.Infrastructure;
using Marten;

namespace Ledger.Tests.Api;

public class RebuildTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Rebuilt_views_equal_the_live_ones()
    {
        await ImportSeedsAsync();
        App.Clock.Advance(TimeSpan.FromDays(3));
        await ImportAsync(SeedWithChangedName());

        var live = await SnapshotAsync();

        // The clock moves on, so a view that read it instead of the events would differ.
        App.Clock.Advance(TimeSpan.FromDays(400));
        using var daemon = await App.Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<AuthorProfileProjection>(CancellationToken.None);
        await daemon.RebuildProjectionAsync<AuthorTrustProjection>(CancellationToken.None);
        await daemon.RebuildProjectionAsync<AuthorVerificationProjection>(CancellationToken.None);

        var rebuilt = await SnapshotAsync();
        Assert.Equal(3, live.Count);
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
        foreach (var table in new[] { "mt_doc_authorprofile", "mt_doc_authortrust", "mt_doc_authorverification" })
        {
            rows.AddRange(await session.QueryAsync<string>(
                $"select id::text || ' ' || data::text from ledger.{table} order by id"));
        }

        return rows;
    }
}
