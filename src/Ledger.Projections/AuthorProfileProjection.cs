using JasperFx.Events;
using Ledger.Domain.Accounts;
using Ledger.Domain.Authors;
using Ledger.Domain.Authors.Importing;
using Marten.Events.Projections;

namespace Ledger.Projections;

/// <summary>
/// Folds a record's own events with <see cref="Author.ApplyEvent"/> and its followers' account events with
/// <see cref="Followers.Apply"/> into <see cref="AuthorProfile"/>. Trust as of a past time replays the same
/// <see cref="Fold"/>, so a replay and the live view agree.
/// </summary>
public sealed class AuthorProfileProjection : MultiStreamProjection<AuthorProfile, Guid>
{
    public AuthorProfileProjection()
    {
        Identity<IAuthorEvent>(e => e.AuthorId);
        Identity<AuthorFollowed>(e => e.AuthorId);
        Identity<AuthorUnfollowed>(e => e.AuthorId);
        Identities<AccountSuspended>(e => e.FollowedAuthorIds);
        Identities<AccountReinstated>(e => e.FollowedAuthorIds);

        // The stored shape of AuthorProfile changed with version 2, so Marten builds it afresh, in its own
        // table, from the first event instead of reading rows that version 1 wrote.
        Version = 2;
    }

    public override AuthorProfile? Evolve(AuthorProfile? snapshot, Guid id, IEvent e)
    {
        var before = snapshot is null
            ? null
            : new AuthorFold(snapshot.Record, snapshot.Followers, snapshot.RecordVersion);
        var after = Fold(before, e);
        if (after is null || ReferenceEquals(after, before))
        {
            return snapshot;
        }

        // An import starts the view over, trust history included.
        var previous = e.Data is AuthorImported ? null : snapshot;
        return AuthorProfile.After(previous, after.Record, after.Followers, after.RecordVersion, e);
    }

    /// <summary>
    /// Applies one event to a record and its followers, without deriving the view. Returns
    /// <paramref name="fold"/> itself for an event that changes neither.
    /// </summary>
    public static AuthorFold? Fold(AuthorFold? fold, IEvent e) => (fold, e.Data) switch
    {
        // A record's stream starts with its import, and a rebuild over stale rows starts over there too.
        (_, AuthorImported imported) => new AuthorFold(Author.Create(imported), Followers.None, e.Version),
        (null, _) => null,
        (_, IAuthorEvent authorEvent) =>
            new AuthorFold(Author.ApplyEvent(fold.Record, authorEvent)!, fold.Followers, e.Version),
        (_, IAccountEvent accountEvent) => fold with { Followers = fold.Followers.Apply(accountEvent) },
        _ => fold,
    };
}

/// <summary>A record and its followers, folded from their events, before a view is derived from them.</summary>
/// <param name="RecordVersion">The version of the record's stream after its last event in the fold.</param>
public sealed record AuthorFold(Author Record, Followers Followers, long RecordVersion);
