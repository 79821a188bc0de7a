using System.Diagnostics;
using System.Text.Json;
using Alba;
using Ledger.Tests.Infrastructure;
using Marten;
using Marten.Services;

namespace Ledger.Tests.Api;

public class EventFeedTests(AppFixture app) : AppTest(app)
{
    /// <summary>An event no view handles, so appending it touches nothing but the event store.</summary>
    public sealed record FeedProbe(string Name);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Empty_store_returns_empty_page()
    {
        var page = await GetJsonAsync("/api/events");

        Assert.Equal(0, page.GetProperty("events").GetArrayLength());
        Assert.Equal(0, page.GetProperty("next").GetInt64());
        Assert.Equal(0, page.GetProperty("highWaterMark").GetInt64());
    }

    [Fact]
    public async Task Feed_pages_through_import_in_order()
    {
        await ImportSeedsAsync();
        var expected = await StoredSequencesAsync();
        await WaitForHighWaterMarkAsync(expected[^1]);

        var (pages, cursor) = await ReadToEndAsync(after: 0, limit: 3);

        Assert.Equal(10, expected.Count);
        Assert.Equal([3, 3, 3, 1], pages.Select(p => p.Count));
        Assert.Equal(expected, pages.SelectMany(p => p));
        Assert.Equal(expected[^1], cursor);

        await ImportOxfordRecordAsync();
        var afterSecondImport = await StoredSequencesAsync();
        await WaitForHighWaterMarkAsync(afterSecondImport[^1]);

        var (resumed, _) = await ReadToEndAsync(cursor, limit: 3);

        Assert.NotEmpty(resumed);
        Assert.Equal(afterSecondImport.Except(expected), resumed.SelectMany(p => p));
    }

    [Fact]
    public async Task Feed_event_carries_data_and_metadata()
    {
        await ImportSeedsAsync();
        await using var session = App.Store.QuerySession();
        var stored = (await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync(Token))[0];
        await WaitForHighWaterMarkAsync(stored.Sequence);

        var item = (await GetJsonAsync("/api/events?limit=1")).GetProperty("events")[0];

        Assert.Equal(stored.Sequence, item.GetProperty("sequence").GetInt64());
        Assert.Equal(stored.StreamId, item.GetProperty("streamId").GetGuid());
        Assert.Equal(1, item.GetProperty("version").GetInt64());
        Assert.Equal("author_imported", item.GetProperty("type").GetString());
        Assert.Equal(stored.Timestamp, item.GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal(stored.UserName, item.GetProperty("userName").GetString());
        Assert.Equal(stored.CorrelationId, item.GetProperty("correlationId").GetString());
        Assert.Equal("admin-1", item.GetProperty("data").GetProperty("importedBy").GetString());
        var storedData = JsonElement.Parse(App.Store.Options.Serializer().ToJson(stored.Data));
        Assert.True(JsonElement.DeepEquals(storedData, item.GetProperty("data")), item.GetProperty("data").ToString());
    }

    [Theory]
    [InlineData("limit=0", "limit-out-of-range", 0)]
    [InlineData("limit=1001", "limit-out-of-range", 1001)]
    [InlineData("limit=-5", "limit-out-of-range", -5)]
    [InlineData("after=-1", "after-out-of-range", -1)]
    public async Task Out_of_range_parameter_is_400(string query, string rule, long value)
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Get.Url($"/api/events?{query}");
            s.StatusCodeShouldBe(400);
        });

        var problem = await result.ReadAsJsonAsync<JsonElement>();
        Assert.Equal(rule, problem.GetProperty("rule").GetString());
        Assert.Equal(value, problem.GetProperty("value").GetInt64());
    }

    [Fact]
    public async Task Feed_is_in_openapi_document()
    {
        var document = await App.Host.GetAsJson<JsonElement>("/openapi/v1.json");

        var get = document.GetProperty("paths").GetProperty("/api/events").GetProperty("get");
        Assert.Equal("Feed", get.GetProperty("tags")[0].GetString());
        Assert.True(get.GetProperty("responses").TryGetProperty("200", out _));
        Assert.True(get.GetProperty("responses").TryGetProperty("400", out _));
    }

    [Fact]
    public async Task Largest_limit_is_accepted()
    {
        var page = await GetJsonAsync("/api/events?limit=1000");

        Assert.Equal(0, page.GetProperty("events").GetArrayLength());
    }

    /// <summary>
    /// Transaction A takes the lower sequence and commits after transaction B, which takes the higher one.
    /// A reader polling in between must not receive B's event, or its cursor would pass A's sequence and
    /// A's event would never be delivered.
    /// </summary>
    [Fact]
    public async Task Late_commit_of_lower_sequence_is_not_skipped()
    {
        var baseline = await AppendCommittedAsync("baseline");
        await WaitForHighWaterMarkAsync(baseline);
        var first = await ReadPageAsync(after: 0);
        Assert.Equal([baseline], first.Sequences);
        var cursor = first.Next;

        await using var connection = App.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync(Token);
        await using var transactionA = await connection.BeginTransactionAsync(Token);
        await using var sessionA = App.Store.LightweightSession(SessionOptions.ForTransaction(transactionA));
        var streamA = Guid.NewGuid();
        sessionA.Events.StartStream(streamA, new FeedProbe("A"));

        // Runs the insert, which draws A's sequence, and leaves the commit to the transaction's owner.
        await sessionA.SaveChangesAsync(Token);
        var sequenceA = (await sessionA.Events.FetchStreamAsync(streamA, token: Token))[0].Sequence;

        var sequenceB = await AppendCommittedAsync("B");
        Assert.True(sequenceA < sequenceB, $"A drew {sequenceA} and B drew {sequenceB}.");

        // The reader follows "next" as an integrator would. The daemon skips a gap only after it has been
        // stale for StaleSequenceThreshold and no transaction that could fill it is alive, so the reader
        // polls for twice that long to give such a skip the chance to happen.
        var observation = ((DocumentStore)App.Store).Options.Projections.StaleSequenceThreshold * 2;
        var delivered = new List<long>();
        var intermediate = new List<FeedPageRead>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < observation)
        {
            var page = await ReadPageAsync(cursor);
            intermediate.Add(page);
            delivered.AddRange(page.Sequences);
            cursor = page.Next;
            await Task.Delay(250, Token);
        }

        await transactionA.CommitAsync(Token);
        await WaitForHighWaterMarkAsync(sequenceB);
        var final = await ReadPageAsync(cursor);
        delivered.AddRange(final.Sequences);

        Assert.Equal([sequenceA, sequenceB], delivered);
        Assert.Equal(sequenceB, final.Next);
        Assert.All(intermediate, page => Assert.Empty(page.Sequences));
        Assert.All(intermediate, page => Assert.Equal(baseline, page.Next));
        Assert.All(intermediate, page => Assert.Equal(baseline, page.HighWaterMark));
    }

    [Fact]
    public async Task Feed_event_carries_session_metadata()
    {
        await using (var session = App.Store.LightweightSession())
        {
            session.LastModifiedBy = "feed-writer";
            session.CorrelationId = "correlation-1";
            session.CausationId = "causation-1";
            session.SetHeader("source", "feed-test");
            session.Events.StartStream(Guid.NewGuid(), new FeedProbe("metadata"));
            await session.SaveChangesAsync(Token);
        }

        var sequence = (await StoredSequencesAsync())[^1];
        await WaitForHighWaterMarkAsync(sequence);

        var item = (await GetJsonAsync("/api/events")).GetProperty("events")[0];

        Assert.Equal("feed_probe", item.GetProperty("type").GetString());
        Assert.Equal("metadata", item.GetProperty("data").GetProperty("name").GetString());
        Assert.Equal("feed-writer", item.GetProperty("userName").GetString());
        Assert.Equal("correlation-1", item.GetProperty("correlationId").GetString());
        Assert.Equal("causation-1", item.GetProperty("causationId").GetString());
        Assert.Equal("feed-test", item.GetProperty("headers").GetProperty("source").GetString());
    }

    private sealed record FeedPageRead(List<long> Sequences, long Next, long HighWaterMark);

    private async Task<FeedPageRead> ReadPageAsync(long after, int limit = 100)
    {
        var page = await GetJsonAsync($"/api/events?after={after}&limit={limit}");
        var sequences = page.GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("sequence").GetInt64())
            .ToList();
        return new FeedPageRead(sequences, page.GetProperty("next").GetInt64(),
            page.GetProperty("highWaterMark").GetInt64());
    }

    /// <summary>
    /// Reads pages from <paramref name="after"/> until one is empty, and returns them with the final cursor.
    /// </summary>
    private async Task<(List<List<long>> Pages, long Cursor)> ReadToEndAsync(long after, int limit)
    {
        var pages = new List<List<long>>();
        var cursor = after;
        while (true)
        {
            var page = await ReadPageAsync(cursor, limit);
            Assert.True(page.Sequences.Count <= limit, $"A page of limit {limit} held {page.Sequences.Count} events.");
            if (page.Sequences.Count == 0)
            {
                Assert.Equal(cursor, page.Next);
                return (pages, cursor);
            }

            Assert.Equal(page.Sequences[^1], page.Next);
            pages.Add(page.Sequences);
            cursor = page.Next;
        }
    }

    private async Task<List<long>> StoredSequencesAsync()
    {
        await using var session = App.Store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync(Token);
        return events.Select(e => e.Sequence).ToList();
    }

    /// <summary>Appends a probe event in its own committed transaction and returns its sequence.</summary>
    private async Task<long> AppendCommittedAsync(string name)
    {
        var streamId = Guid.NewGuid();
        await using var session = App.Store.LightweightSession();
        session.Events.StartStream(streamId, new FeedProbe(name));
        await session.SaveChangesAsync(Token);

        var events = await session.Events.FetchStreamAsync(streamId, token: Token);
        return events[0].Sequence;
    }

    /// <summary>Polls the feed until its high water mark reaches <paramref name="sequence"/>, for up to 30 s.</summary>
    private async Task WaitForHighWaterMarkAsync(long sequence)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var page = await GetJsonAsync("/api/events?limit=1");
            var mark = page.GetProperty("highWaterMark").GetInt64();
            if (mark >= sequence)
            {
                return;
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException(
                    $"The feed's high water mark stayed at {mark} and did not reach {sequence} within 30 s.");
            }

            await Task.Delay(50, Token);
        }
    }
}
