using Ledger.Api.Authors.Importing;

namespace Ledger.Api.Hosting;

public static class ImportSetup
{
    public static void AddLedgerImports(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuthorImporter>();
        builder.Services.AddHostedService<SeedImport>();
    }
}
