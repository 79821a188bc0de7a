using Ledger.Domain.Authors.Importing;
using Marten;

namespace Ledger.Api.Authors.Importing;

/// <summary>
/// Imports the seed records at the first start, when the ledger contains no record yet. Set
/// Ledger:ImportSeedsAtStartup to false to start empty.
/// </summary>
public sealed partial class SeedImport(
    IServiceProvider services,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<SeedImport> logger) : IHostedService
{
    public const string ImportedBy = "system:seed-import";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Ledger:ImportSeedsAtStartup", true))
        {
            return;
        }

        var store = services.GetRequiredService<IDocumentStore>();
        await using (var session = store.QuerySession())
        {
            // The events decide, not a view: a view may still be catching up, or be rebuilt in a new table.
            if (await session.Events.QueryRawEventDataOnly<AuthorImported>().AnyAsync(cancellationToken))
            {
                return;
            }
        }

        var folder = ImportFiles.FindSeedDirectory(configuration, environment);
        if (folder is null)
        {
            LogNoSeedFolder();
            return;
        }

        var (batch, problems) = await ImportFiles.ReadAsync(folder, cancellationToken);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Seed data in {folder} is invalid: {string.Join("; ", problems)}");
        }

        LogImporting(folder);
        await services.GetRequiredService<AuthorImporter>().ImportAsync(batch, ImportedBy, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No seed folder found (set Ledger:SeedDirectory); starting with an empty ledger")]
    private partial void LogNoSeedFolder();

    [LoggerMessage(Level = LogLevel.Information, Message = "Importing seed records from {SeedDirectory}")]
    private partial void LogImporting(string seedDirectory);
}
