using System.Text.Json;
using Ledger.Bench.Load;
using Ledger.Domain.Accounts;
using Npgsql;
using NpgsqlTypes;

namespace Ledger.Bench.Scenarios;

/// <summary>
/// The floor under a follow: one event row, shaped like a row of Marten's mt_events with an
/// AuthorFollowed body of the same size, inserted in its own transaction through Npgsql, with
/// nothing read first.
/// </summary>
public sealed class RawInsertBaseline(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    private static readonly JsonSerializerOptions CamelCase = new(JsonSerializerDefaults.Web);

    public static async Task<RawInsertBaseline> CreateAsync(string connectionString, CancellationToken ct)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("""
            drop table if exists raw_events;
            create table raw_events (
                seq_id bigint generated always as identity primary key,
                id uuid not null,
                stream_id uuid not null,
                version bigint not null,
                data jsonb not null,
                type varchar(500) not null,
                timestamp timestamptz not null default now(),
                user_name varchar,
                unique (stream_id, version));
            """);
        await command.ExecuteNonQueryAsync(ct);
        return new RawInsertBaseline(dataSource);
    }

    public Task<LoadRun> RunAsync(int count, int concurrency, TimeSpan timeLimit, CancellationToken ct) =>
        ClosedLoop.RunAsync(count, concurrency, timeLimit, async (i, token) =>
        {
            var subject = $"raw-{concurrency}-{i}";
            var data = JsonSerializer.Serialize(new AuthorFollowed(subject, Guid.NewGuid(), DateTimeOffset.UtcNow),
                CamelCase);
            await using var command = dataSource.CreateCommand(
                "insert into raw_events (id, stream_id, version, data, type, user_name) "
                + "values ($1, $2, 1, $3, $4, $5)");
            command.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
            command.Parameters.Add(new NpgsqlParameter { Value = AccountIds.ForSubject(subject) });
            command.Parameters.Add(new NpgsqlParameter { Value = data, NpgsqlDbType = NpgsqlDbType.Jsonb });
            command.Parameters.Add(new NpgsqlParameter { Value = "author_followed" });
            command.Parameters.Add(new NpgsqlParameter { Value = subject });
            await command.ExecuteNonQueryAsync(token);
            return "ok";
        }, ct);

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
