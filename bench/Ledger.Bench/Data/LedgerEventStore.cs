using JasperFx;
using JasperFx.Events;
using Ledger.Domain.Accounts;
using Ledger.Domain.Authors;
using Marten;
using Weasel.Core;

namespace Ledger.Bench.Data;

/// <summary>
/// A Marten store over the ledger's event tables, configured like src/Ledger.Api/Hosting/MartenSetup.cs
/// (schema "ledger", System.Text.Json with camelCase names and enums as strings, all event metadata,
/// Guid stream ids, every domain event type) so that the events it writes and reads are the ledger's own.
/// It never changes the schema: the API creates it.
/// </summary>
public static class LedgerEventStore
{
    public const string Schema = "ledger";

    /// <summary>The table of the profile view; Marten suffixes it with the projection's version.</summary>
    public const string ProfileTable = Schema + ".mt_doc_authorprofile_2";

    public static DocumentStore Create(string connectionString) =>
        DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.DatabaseSchemaName = Schema;
            options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            options.Events.MetadataConfig.EnableAll();
            options.Events.MetadataConfig.UserNameEnabled = true;
            options.Events.StreamIdentity = StreamIdentity.AsGuid;
            options.Events.AppendMode = EventAppendMode.Quick;
            options.Events.AddEventTypes(EventTypes);
            options.AutoCreateSchemaObjects = AutoCreate.None;
        });

    /// <summary>Every event type of the domain, found the way the API finds them.</summary>
    public static Type[] EventTypes { get; } = typeof(IAuthorEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false }
            && (typeof(IAuthorEvent).IsAssignableFrom(t) || typeof(IAccountEvent).IsAssignableFrom(t)))
        .ToArray();
}
