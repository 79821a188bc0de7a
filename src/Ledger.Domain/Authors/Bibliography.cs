using System.Collections.Immutable;

namespace Ledger.Domain.Authors;

/// <summary>
/// The works attributed to a record and not detached, with the topics and close collaborators
/// derived from them.
/// </summary>
public sealed record Bibliography(ImmutableSortedDictionary<string, Work> Works)
{
    /// <summary>A co-author who shares at least this many of the record's works is a close collaborator.</summary>
    public const int CloseCollaboratorMinimumSharedWorks = 2;

    public static Bibliography Empty { get; } = new(ImmutableSortedDictionary<string, Work>.Empty);

    public Bibliography With(Work work) => new(Works.SetItem(work.Id, work));

    public Bibliography Without(string workId) => new(Works.Remove(workId));

    public IReadOnlyList<Topic> Topics() =>
        Works.Values
            .SelectMany(w => w.Topics)
            .DistinctBy(t => t.Id)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

    public IReadOnlyList<Collaborator> CloseCollaborators() =>
        Works.Values
            .SelectMany(w => w.Coauthors.DistinctBy(c => c.Id))
            .GroupBy(c => c.Id)
            .Where(g => g.Count() >= CloseCollaboratorMinimumSharedWorks)
            .Select(g => new Collaborator(g.Key, g.First().Name, g.Count()))
            .OrderByDescending(c => c.SharedWorks)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
}

public sealed record Collaborator(string Id, string Name, int SharedWorks);
