using JasperFx.Events;
using Ledger.Domain.Accounts;
using Ledger.Domain.Authors;
using Marten.Events.Projections;

namespace Ledger.Projections;

/// <summary>
/// Base of the views of one author record. Every view folds the record's events with
/// <see cref="Author.ApplyEvent"/> and its followers' account events with <see cref="Followers.Apply"/>,
/// then derives its own fields from both, so the views never disagree and a rebuild gives the same rows.
/// </summary>
public abstract class AuthorViewProjection<TView> : MultiStreamProjection<TView, Guid>
    where TView : class, IAuthorView
{
    /// <param name="tracksFollowers">
    /// False for a view that does not show followers: it then never receives account events, so a follow
    /// does not rewrite it, and its <see cref="IAuthorView.Followers"/> stay empty.
    /// </param>
    protected AuthorViewProjection(bool tracksFollowers = true)
    {
        Identity<IAuthorEvent>(e => e.AuthorId);
        if (!tracksFollowers)
        {
            return;
        }

        Identity<AuthorFollowed>(e => e.AuthorId);
        Identity<AuthorUnfollowed>(e => e.AuthorId);
        Identities<AccountSuspended>(e => e.FollowedAuthorIds);
        Identities<AccountReinstated>(e => e.FollowedAuthorIds);
    }

    public override TView? Evolve(TView? snapshot, Guid id, IEvent e)
    {
        switch (e.Data)
        {
            case IAuthorEvent authorEvent:
                var record = Author.ApplyEvent(snapshot?.Record, authorEvent);
                return record is null
                    ? snapshot
                    : Build(snapshot, record, snapshot?.Followers ?? Followers.None, e.Version, e);
            case IAccountEvent accountEvent when snapshot is not null:
                return Build(snapshot, snapshot.Record, snapshot.Followers.Apply(accountEvent),
                    snapshot.RecordVersion, e);
            default:
                // The follow command rejects unknown records, so an account event without a view is skipped.
                return snapshot;
        }
    }

    /// <summary>Derives the view from the folded record and followers; evaluates at the record's last change.</summary>
    /// <param name="previous">The view before <paramref name="e"/>, or null for the record's first event.</param>
    /// <param name="version">The version of the record's stream that the view reflects.</param>
    protected abstract TView Build(TView? previous, Author record, Followers followers, long version, IEvent e);
}

public interface IAuthorView
{
    Guid Id { get; }

    Author Record { get; }

    Followers Followers { get; }

    /// <summary>
    /// The version of the record's stream that the view reflects; account events do not change it.
    /// Not named Version, because Marten fills a document's Version with the projection's revision.
    /// </summary>
    long RecordVersion { get; }
}
