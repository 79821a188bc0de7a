namespace Ledger.Domain.Authors;

public sealed record Topic(string Id, string Name);

public sealed record Coauthor(string Id, string Name);

/// <summary>A work as imported, with the topics and co-authors its source lists.</summary>
public sealed record Work(
    string Id,
    string Title,
    string Type,
    int? Year,
    string? Venue,
    string? Abstract,
    IReadOnlyList<Topic> Topics,
    IReadOnlyList<Coauthor> Coauthors)
{
    // Lists compare by reference in a record, so equality is spelled out: a re-import of the
    // same work must compare equal and append nothing.
    public bool Equals(Work? other) =>
        other is not null
        && Id == other.Id
        && Title == other.Title
        && Type == other.Type
        && Year == other.Year
        && Venue == other.Venue
        && Abstract == other.Abstract
        && Topics.SequenceEqual(other.Topics)
        && Coauthors.SequenceEqual(other.Coauthors);

    public override int GetHashCode() => HashCode.Combine(Id, Title, Year);
}
