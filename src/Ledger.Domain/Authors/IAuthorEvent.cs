namespace Ledger.Domain.Authors;

/// <summary>
/// An event of an author record's stream. Views that combine several streams group by
/// <see cref="AuthorId"/>; <see cref="OccurredAt"/> is the time the decision was taken, which
/// views use instead of the clock so that a rebuild gives the same rows.
/// </summary>
public interface IAuthorEvent
{
    Guid AuthorId { get; }

    DateTimeOffset OccurredAt { get; }
}
