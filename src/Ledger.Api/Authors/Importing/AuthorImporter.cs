using JasperFx;
using JasperFx.Events;
using Ledger.Domain.Authors;
using Ledger.Domain.Authors.Importing;
using Marten;

namespace Ledger.Api.Authors.Importing;

/// <summary>What an import appended, per kind of change.</summary>
public sealed record ImportReport(
    int AuthorsImported,
    int AuthorsChanged,
    int AuthorsUnchanged,
    int WorksAttributed,
    int WorksRevised,
    int EventsAppended,
    IReadOnlyList<string> UnknownAuthors);

/// <summary>
/// Appends the events of an import, one transaction per author record, so that a large import
/// never keeps one long transaction open and a failure leaves every committed record whole.
/// </summary>
public sealed partial class AuthorImporter(IDocumentStore store, TimeProvider clock, ILogger<AuthorImporter> logger)
{
    private const int MaxAttempts = 3;

    public async Task<ImportReport> ImportAsync(ImportBatch batch, string importedBy, CancellationToken ct)
    {
        var events = new List<IAuthorEvent>();
        var imported = 0;
        var changed = 0;
        var unchanged = 0;
        var unknown = new List<string>();

        foreach (var command in batch.ToCommands())
        {
            var appended = await ImportOneAsync(command, importedBy, ct);
            events.AddRange(appended);

            if (command.Details is null && appended.Count == 0 && !await StreamExistsAsync(command.AuthorId, ct))
            {
                unknown.Add(command.ExternalId);
            }
            else if (appended.OfType<AuthorImported>().Any())
            {
                imported++;
            }
            else if (appended.Count > 0)
            {
                changed++;
            }
            else
            {
                unchanged++;
            }
        }

        var report = new ImportReport(imported, changed, unchanged, events.OfType<WorkAttributed>().Count(),
            events.OfType<WorkRevised>().Count(), events.Count, unknown);
        LogImported(importedBy, imported, changed, unchanged, events.Count);
        return report;
    }

    private async Task<IReadOnlyList<IAuthorEvent>> ImportOneAsync(ImportAuthor command, string importedBy,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            session.LastModifiedBy = importedBy;

            var stream = await session.Events.FetchForWriting<Author>(command.AuthorId, ct);
            var events = ImportDecision.Decide(stream.Aggregate, command, importedBy, clock.GetUtcNow());
            if (events.Count == 0)
            {
                return events;
            }

            stream.AppendMany(events);
            try
            {
                await session.SaveChangesAsync(ct);
                return events;
            }
            catch (Exception exception) when (IsConcurrencyFailure(exception) && attempt < MaxAttempts)
            {
                // Another import wrote the same record meanwhile; decide again on its new state.
                LogConcurrentWrite(exception, command.ExternalId, command.AuthorId, attempt);
            }
        }
    }

    private async Task<bool> StreamExistsAsync(Guid authorId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.Events.FetchStreamStateAsync(authorId, ct) is not null;
    }

    private static bool IsConcurrencyFailure(Exception exception) =>
        exception is ConcurrencyException or ExistingStreamIdCollisionException
            or Marten.Exceptions.ExistingStreamIdCollisionException or EventStreamUnexpectedMaxEventIdException;

    [LoggerMessage(Level = LogLevel.Information, Message = "Import by {ImportedBy}: {AuthorsImported} records "
        + "imported, {AuthorsChanged} changed, {AuthorsUnchanged} unchanged, {EventsAppended} events appended")]
    private partial void LogImported(string importedBy, int authorsImported, int authorsChanged, int authorsUnchanged,
        int eventsAppended);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Import of {ExternalId} ({AuthorId}) met a concurrent write on attempt {Attempt}; retrying")]
    private partial void LogConcurrentWrite(Exception exception, string externalId, Guid authorId, int attempt);
}
