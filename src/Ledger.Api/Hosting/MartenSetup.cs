using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Ledger.Api.Integrity;
using Ledger.Domain.Authors;
using Ledger.Domain.Invitations;
using Ledger.Projections;
using Marten.Events.Projections;
using Marten;
using Npgsql;
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
                "Connection string 'Ledger' is missing: set ConnectionStrings__Ledger, "
                + "or start the service with ./run.sh.");
        }

        builder.Services.AddSingleton(TimeProvider.System);

        var distribution = builder.Configuration.GetValue("Ledger:ProjectionDistribution", "Wolverine");

        // Statements run repeatedly are prepared once per connection, which spares PostgreSQL parsing and
        // planning them on every command. While a connection has prepared statements, Npgsql resets it on return
        // without DISCARD ALL, so they and the server's cached plans of Marten's append function survive.
        var connection = new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 3,
        };

        var marten = builder.Services.AddMarten(options =>
            {
                options.Connection(connection.ConnectionString);
                options.DatabaseSchemaName = "ledger";

                // A session keeps the connection it first opens until it ends, so a command checks out one
                // connection, and Npgsql resets it once, instead of once for each of its queries.
                options.UseStickyConnectionLifetimes = true;
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

                // Who acted, and the request that caused it, travel with every event.
                options.Events.MetadataConfig.EnableAll();
                options.Events.MetadataConfig.UserNameEnabled = true;
                options.Events.StreamIdentity = StreamIdentity.AsGuid;

                // Async: the view combines a record's stream with its followers' account streams, and
                // only the daemon applies events of many streams to one view without lost updates.
                options.Projections.Add<AuthorProfileProjection>(ProjectionLifecycle.Async);

                // Inline: an invitation's view commits with its events, so the limits on pending
                // invitations read the state of every committed send.
                options.Projections.Snapshot<Invitation>(SnapshotLifecycle.Inline);
                options.Schema.For<Invitation>()
                    .Index(x => x.Sender)
                    .Index(x => x.AuthorId);

                options.Schema.For<AuthorProfile>()
                    .UniqueIndex(x => x.ExternalId)
                    .Index(x => x.Orcid)
                    .Index(x => x.NameKey);

                options.Events.AddEventTypes(EventTypes.All);

                // Writes each appended event's tamper-evident hash into its headers.
                options.Listeners.Add(new HashChainListener());
            })
            .UseLightweightSessions();

        if (string.Equals(distribution, "Solo", StringComparison.OrdinalIgnoreCase))
        {
            // One node runs every async projection at once; for tests and single-node tools.
            marten.IntegrateWithWolverine().AddAsyncDaemon(DaemonMode.Solo);
        }
        else
        {
            // Wolverine runs each async projection on exactly one node and moves it when that node stops.
            marten.IntegrateWithWolverine(integration =>
                integration.UseWolverineManagedEventSubscriptionDistribution = true);
        }
    }
}
