namespace Ledger.Domain.Authors.Importing;

/// <summary>
/// Imports one author record and the works its source attributes to it. Without
/// <see cref="Details"/> the command only attributes works, and only to a record that exists.
/// </summary>
/// <param name="ExternalId">Canonical external id, see <see cref="AuthorIds.CanonicalExternalId"/>.</param>
public sealed record ImportAuthor(string ExternalId, AuthorDetails? Details, IReadOnlyList<Work> Works)
{
    public Guid AuthorId => AuthorIds.ForExternalId(ExternalId);
}

public static class ImportDecision
{
    /// <summary>
    /// Decides the events of an import. A first import appends the record and its works; a later
    /// one appends only what changed. A work missing from a later import stays, and a detached
    /// work is never attached again.
    /// </summary>
    public static IReadOnlyList<IAuthorEvent> Decide(Author? current, ImportAuthor command, string importedBy,
        DateTimeOffset now)
    {
        var events = new List<IAuthorEvent>();
        var authorId = command.AuthorId;

        if (current is null && command.Details is null)
        {
            return events;
        }

        if (current is null)
        {
            events.Add(new AuthorImported(authorId, command.ExternalId, command.Details!, importedBy, now));
        }
        else if (command.Details is not null)
        {
            events.AddRange(FieldChanges(current, command.Details, importedBy, now));
        }

        foreach (var work in command.Works.DistinctBy(w => w.Id))
        {
            if (current is not null && current.DetachedWorkIds.Contains(work.Id))
            {
                continue;
            }

            if (current is null || !current.Bibliography.Works.TryGetValue(work.Id, out var attributed))
            {
                events.Add(new WorkAttributed(authorId, work, importedBy, now));
            }
            else if (!attributed.Equals(work))
            {
                events.Add(new WorkRevised(authorId, work, importedBy, now));
            }
        }

        return events;
    }

    private static IEnumerable<IAuthorEvent> FieldChanges(Author current, AuthorDetails imported, string importedBy,
        DateTimeOffset now)
    {
        foreach (var field in Enum.GetValues<AuthorField>())
        {
            var previous = current.Details.Get(field);
            var next = imported.Get(field);
            if (previous != next)
            {
                yield return new ImportedFieldChanged(current.Id, field, previous, next, importedBy, now);
            }
        }

        if (!current.CollaborationSetByClaimant && current.Details.OpenToCollaborate != imported.OpenToCollaborate)
        {
            yield return new CollaborationPreferenceSet(current.Id, imported.OpenToCollaborate, importedBy, now);
        }
    }
}
