using Ledger.Api.Authors.Importing;

namespace Ledger.Api.Hosting;

public static class ImportSetup
{
    public static void AddLedgerImports(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuthorImporter>();

        // Wolverine builds it inline in each endpoint with the endpoint's own session and message bus.
        builder.Services.AddScoped<Ledger.Api.Commands.AuthorCommand>();
        builder.Services.AddHostedService<SeedImport>();
    }
}
