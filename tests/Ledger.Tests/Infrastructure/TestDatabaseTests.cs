using Npgsql;
using Xunit;

namespace Ledger.Tests.Infrastructure;

public sealed class TestDatabaseTests
{
    [Fact]
    public async Task StartAsyncReturnsReachableDatabase()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.StartAsync(ct);

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("select 1", connection);
        var result = await command.ExecuteScalarAsync(ct);

        Assert.Equal(1, result);
    }
}
