using Alba;
using Marten.Events;
using Ledger.Domain.Authors;

namespace Ledger.Tests.Infrastructure;

/// <summary>Base of HTTP tests: clean data before each test, and helpers for the common requests.</summary>
[Collection(SharedApp.Name)]
public abstract class AppTest(AppFixture app) : IAsyncLifetime
{
    protected AppFixture App { get; } = app;

    public virtual async ValueTask InitializeAsync() => await App.ResetAsync();

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Imports through HTTP as an admin, then waits until the views reflect the import.</summary>
    protected async Task<IScenarioResult> ImportAsync(string content, int expectedStatus = 200)
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Post.Text(content).ToUrl("/api/imports");
            s.WithRequestHeader("Content-Type", "application/x-ndjson");
            s.WithBearerToken(App.AdminToken);
            s.StatusCodeShouldBe(expectedStatus);
        });
        if (expectedStatus == 200)
        {
            await WaitForViewsAsync();
        }

        return result;
    }

    /// <summary>Waits until the async daemon has applied every committed event to the views.</summary>
    protected Task WaitForViewsAsync() =>
        App.Store.Storage.Database.WaitForNonStaleQueryableDataAsync(TimeSpan.FromSeconds(30),
            TestContext.Current.CancellationToken);

    protected async Task ImportSeedsAsync()
    {
        var seeds = Path.Combine(AppContext.BaseDirectory, "seeds");
        var content = await File.ReadAllTextAsync(Path.Combine(seeds, "authors.jsonl"))
            + await File.ReadAllTextAsync(Path.Combine(seeds, "works.jsonl"));
        await ImportAsync(content);
    }

    protected async Task<long> EventCountAsync(string externalId)
    {
        await using var session = App.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(AuthorIds.ForExternalId(externalId));
        return events.Count;
    }
}
