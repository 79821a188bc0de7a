using Alba;
using JasperFx.CommandLine;
using Ledger.Api.Hosting;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Tests.Infrastructure;

/// <summary>
/// Boots the service once for all HTTP tests, on a test database, with a clock the tests move.
/// Each test starts from empty data through <see cref="ResetAsync"/>.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    /// <summary>
    /// The clock's start: the wall clock at the start of the run, whole seconds, so that it survives
    /// a round trip through PostgreSQL and durable scheduled messages lie in the future.
    /// </summary>
    public static readonly DateTimeOffset Start =
        DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    private TestDatabase? database;

    public IAlbaHost Host { get; private set; } = null!;

    public TestClock Clock { get; } = new(Start);

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.StartAsync();

        // Program reads these while it builds, before a test host could inject configuration.
        Environment.SetEnvironmentVariable("ConnectionStrings__Ledger", database.ConnectionString);
        Environment.SetEnvironmentVariable("Ledger__ImportSeedsAtStartup", "false");
        Environment.SetEnvironmentVariable("Ledger__ProjectionDistribution", "Solo");
        Environment.SetEnvironmentVariable("Ledger__Auth__SigningKey", "test-signing-key-of-at-least-32-bytes!!");
        JasperFxEnvironment.AutoStartHost = true;

        Host = await StartHostAsync();
    }

    /// <summary>Stops the service and starts it again on the same database, as a deployment would.</summary>
    public async Task RestartAsync()
    {
        await Host.DisposeAsync();
        Host = await StartHostAsync();
    }

    private async Task<IAlbaHost> StartHostAsync() =>
        await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        });

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    public async Task ResetAsync()
    {
        Clock.Set(Start);
        // Pauses the async daemon while the data goes, so it starts again from the first event.
        await Host.ResetAllMartenDataAsync();

        // Scheduled messages of earlier tests would otherwise fire against this test's data.
        await using var session = Store.LightweightSession();
        session.QueueSqlCommand("delete from ledger.wolverine_incoming_envelopes");
        session.QueueSqlCommand("delete from ledger.wolverine_deduplicated_responses");
        await session.SaveChangesAsync();
    }

    public string TokenFor(string subject, params string[] roles) =>
        Host.Services.GetRequiredService<TokenIssuer>().Issue(subject, roles, TimeSpan.FromHours(1));

    /// <summary>Signs a researcher token that proves a verified email address and an ORCID iD.</summary>
    public string ResearcherToken(string subject, string? email = null, string? orcid = null) =>
        Host.Services.GetRequiredService<TokenIssuer>().Issue(subject, [AuthSetup.Researcher], TimeSpan.FromHours(1),
            email, orcid);

    public string VerifierToken(string subject) => TokenFor(subject, AuthSetup.Researcher, AuthSetup.Verifier);

    public string AdminToken => TokenFor("admin-1", AuthSetup.Admin);
}

[CollectionDefinition(Name)]
public sealed class SharedApp : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
