using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Ledger.Domain.Authors;
using Ledger.Projections;
using Marten;
using Weasel.Core;
using Wolverine.Marten;

namespace Ledger.Api.Hosting;

public static class MartenSetup
{
    /// <summary>Registers the event store, its projections and its schema on the "Ledger" connection string.</summary>
    public static void AddLedgerMarten(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Ledger");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "Connection string 'Ledger' is missing: set ConnectionStrings__Ledger, or start the service with ./run.sh.");
        }

        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddMarten(options =>
            {
                options.Connection(connectionString);
                options.DatabaseSchemaName = "ledger";
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

                // Who acted, and the request that caused it, travel with every event.
                options.Events.MetadataConfig.EnableAll();
                options.Events.MetadataConfig.UserNameEnabled = true;
                options.Events.StreamIdentity = StreamIdentity.AsGuid;

                // Inline: a command's response already reflects the views it changed.
                options.Projections.Add<AuthorProfileProjection>(ProjectionLifecycle.Inline);
                options.Projections.Add<AuthorTrustProjection>(ProjectionLifecycle.Inline);
                options.Projections.Add<AuthorVerificationProjection>(ProjectionLifecycle.Inline);

                options.Schema.For<AuthorProfile>()
                    .UniqueIndex(x => x.ExternalId)
                    .Index(x => x.Orcid)
                    .Index(x => x.NameKey);

                options.Events.AddEventTypes(EventTypes.All);
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine()
            .AddAsyncDaemon(DaemonMode.HotCold);
    }
}
