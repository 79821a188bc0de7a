using JasperFx.Events;
using Ledger.Domain.Authors;
using Marten.Events.Projections;

namespace Ledger.Projections;

/// <summary>
/// Base of the views of one author record. Every view folds the record's events with
/// <see cref="Author.ApplyEvent"/>, then derives its own fields from the folded record, so the
/// views never disagree about the record and a rebuild gives the same rows.
/// </summary>
public abstract class AuthorViewProjection<TView> : MultiStreamProjection<TView, Guid>
    where TView : class, IAuthorView
{
    protected AuthorViewProjection()
    {
        Identity<IAuthorEvent>(e => e.AuthorId);
    }

    public override TView? Evolve(TView? snapshot, Guid id, IEvent e)
    {
        if (e.Data is not IAuthorEvent authorEvent)
        {
            return snapshot;
        }

        var record = Author.ApplyEvent(snapshot?.Record, authorEvent);
        return record is null ? snapshot : Build(record);
    }

    /// <summary>Derives the view from the folded record; evaluates at the record's last change.</summary>
    protected abstract TView Build(Author record);
}

public interface IAuthorView
{
    Guid Id { get; }

    Author Record { get; }
}
