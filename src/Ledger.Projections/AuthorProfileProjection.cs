using JasperFx.Events;
using Ledger.Domain.Accounts;
using Ledger.Domain.Authors;
using Ledger.Domain.Authors.Importing;
using Marten.Events.Projections;

namespace Ledger.Projections;

/// <summary>
/// Folds a record's own events with <see cref="Author.ApplyEvent"/> and its followers' account events with
/// <see cref="Followers.Apply"/> into <see cref="AuthorProfile"/>. The same fold replays trust as of a past
/// time, so a replay and the live view agree.
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
        switch (e.Data)
        {
            case IAuthorEvent authorEvent:
                // A record's stream starts with its import, and a rebuild over stale rows starts over there too.
                var previous = authorEvent is AuthorImported ? null : snapshot;
                var record = Author.ApplyEvent(previous?.Record, authorEvent);
                return record is null
                    ? snapshot
                    : AuthorProfile.After(previous, record, previous?.Followers ?? Followers.None, e.Version, e);
            case IAccountEvent accountEvent when snapshot is not null:
                return AuthorProfile.After(snapshot, snapshot.Record, snapshot.Followers.Apply(accountEvent),
                    snapshot.RecordVersion, e);
            default:
                // The follow command rejects unknown records, so an account event without a view is skipped.
                return snapshot;
        }
    }
}
