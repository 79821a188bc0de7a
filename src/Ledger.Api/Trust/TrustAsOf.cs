using JasperFx.Events;
using Ledger.Domain.Accounts;
using Ledger.Domain.Authors;
using Ledger.Projections;
using Marten;

namespace Ledger.Api.Trust;

/// <summary>
/// Replays a record's trust from its events: the record's own stream and its followers' account
/// events, folded by the live view's <see cref="AuthorProfileProjection.Fold"/>, cut at a time or a
/// stream version.
/// The same question therefore always gets the same answer.
/// </summary>
public static class TrustAsOf
{
    /// <summary>
    /// Folds the events up to <paramref name="at"/> (by each event's own time) or
    /// <paramref name="version"/>.
    /// </summary>
    /// <returns>
    /// The view as of that point, and the time to evaluate at; null when the record did not exist
    /// yet.
    /// </returns>
    public static async Task<(AuthorProfile View, DateTimeOffset EvaluateAt)?> ReplayAsync(IQuerySession session,
        Guid authorId, DateTimeOffset? at, long? version, CancellationToken ct)
    {
        var events = await EventsOfAsync(session, authorId, ct);
        if (version is not null)
        {
            var cut = events.LastOrDefault(e => e.StreamId == authorId && e.Version <= version);
            events = cut is null ? [] : events.Where(e => e.Sequence <= cut.Sequence).ToList();
        }

        if (at is not null)
        {
            events = events.Where(e => OccurredAt(e) <= at).ToList();
        }

        // Only the state after the last event is requested, so the view is derived once, not after every event.
        var fold = events.Aggregate((AuthorFold?)null, AuthorProfileProjection.Fold);
        if (fold is null)
        {
            return null;
        }

        var view = AuthorProfile.After(null, fold.Record, fold.Followers, fold.RecordVersion, events[^1]);
        return (view, at ?? view.Record.UpdatedAt);
    }

    private static async Task<List<IEvent>> EventsOfAsync(IQuerySession session, Guid authorId, CancellationToken ct)
    {
        var id = authorId.ToString();
        var sequences = await session.QueryAsync<long>(
            "select seq_id from ledger.mt_events where stream_id = ? "
            + "or (type in ('author_followed', 'author_unfollowed') and data ->> 'authorId' = ?) "
            + "or (type in ('account_suspended', 'account_reinstated') "
            + "and jsonb_exists(data -> 'followedAuthorIds', ?))",
            ct, authorId, id, id);

        return (await session.Events.QueryAllRawEvents()
                .Where(e => sequences.Contains(e.Sequence))
                .OrderBy(e => e.Sequence)
                .ToListAsync(ct))
            .ToList();
    }

    /// <summary>The time an event's decision was taken, carried in its data.</summary>
    private static DateTimeOffset OccurredAt(IEvent e) => e.Data switch
    {
        IAuthorEvent authorEvent => authorEvent.OccurredAt,
        AuthorFollowed followed => followed.FollowedAt,
        AuthorUnfollowed unfollowed => unfollowed.UnfollowedAt,
        AccountSuspended suspended => suspended.SuspendedAt,
        AccountReinstated reinstated => reinstated.ReinstatedAt,
        _ => e.Timestamp,
    };
}
