using System.Text.Json;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
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

    /// <summary>Posts a JSON body and returns the status and the parsed response, whatever the status.</summary>
    protected async Task<(int Status, JsonElement Body, IScenarioResult Result)> PostAsync(string url, object? body,
        string? token, string? idempotencyKey = null, string? ifMatch = null)
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Post.Json(body ?? new { }).ToUrl(url);
            if (token is not null)
            {
                s.WithBearerToken(token);
            }

            if (idempotencyKey is not null)
            {
                s.WithRequestHeader("Idempotency-Key", idempotencyKey);
            }

            if (ifMatch is not null)
            {
                s.WithRequestHeader("If-Match", ifMatch);
            }

            s.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (result.Context.Response.StatusCode, json, result);
    }

    protected async Task<JsonElement> GetJsonAsync(string url)
    {
        var result = await App.Host.Scenario(s => s.Get.Url(url));
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.Clone();
    }

    /// <summary>Imports a record open to collaborate, with an ORCID iD and an affiliation on ox.ac.uk.</summary>
    protected Task ImportOxfordRecordAsync() =>
        ImportAsync("{\"id\":\"https://openalex.org/A7000000001\",\"display_name\":\"Ada O\u2019Hara\","
            + "\"orcid\":\"0000-0002-1825-0097\",\"last_known_institutions\":[{\"display_name\":"
            + "\"University of Oxford\",\"homepage_url\":\"https://www.ox.ac.uk/\"}],"
            + "\"x_profile\":{\"open_to_collaborate\":true}}");

    /// <summary>Handles a message as the scheduler would, then waits for the views.</summary>
    protected async Task InvokeAsync(object message)
    {
        await App.Host.Services.GetRequiredService<IMessageBus>().InvokeAsync(message,
            TestContext.Current.CancellationToken);
        await WaitForViewsAsync();
    }

    /// <summary>
    /// Waits until every view's progression reaches the last committed event. Marten's own wait
    /// returns at once while the daemon has not yet noticed the first events after a reset.
    /// </summary>
    protected async Task WaitForViewsAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var session = App.Store.QuerySession();
            var behind = await session.QueryAsync<int>(
                "select count(*)::int from (values ('AuthorProfile:V2:All')) as views(name) "
                + "left join ledger.mt_event_progression p using (name) "
                + "where coalesce(p.last_seq_id, 0) < (select coalesce(max(seq_id), 0) "
                + "from ledger.mt_events)", TestContext.Current.CancellationToken);
            if (behind[0] == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{behind[0]} views did not catch up with the events within 30 s.");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

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
