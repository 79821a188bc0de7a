using JasperFx;
using JasperFx.CodeGeneration;
using Wolverine;

namespace Ledger.Api.Hosting;

public static class WolverineSetup
{
    /// <summary>
    /// Registers Wolverine with pre-generated handler code: start-up loads the types compiled into
    /// this assembly instead of compiling them. Regenerate with `dotnet run -- codegen write`.
    /// </summary>
    public static void AddLedgerWolverine(this WebApplicationBuilder builder)
    {
        builder.Services.CritterStackDefaults(defaults =>
        {
            defaults.Development.GeneratedCodeMode = TypeLoadMode.Static;
            defaults.Production.GeneratedCodeMode = TypeLoadMode.Static;
            defaults.Production.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
        });

        builder.Host.UseWolverine(options =>
        {
            options.ApplicationAssembly = typeof(Program).Assembly;
            options.Policies.AutoApplyTransactions();

            // Scheduled expiries wait in PostgreSQL, so they fire after a restart, on whichever node is up.
            options.Policies.UseDurableLocalQueues();

            // Stores the first response of each Idempotency-Key, see CommandPolicy.
            options.Durability.EnableDeduplicatedResponses = true;
        });
    }
}
