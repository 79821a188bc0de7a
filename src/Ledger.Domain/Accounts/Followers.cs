using System.Collections.Immutable;

namespace Ledger.Domain.Accounts;

public sealed record Follower(string Subject, DateTimeOffset FollowedAt, bool Suspended);

/// <summary>
/// The accounts that follow one record. A suspended account's follow stays on the list but does not
/// count until the account is reinstated, and neither does the claimant's follow of its own record.
/// </summary>
public sealed record Followers(ImmutableSortedDictionary<string, Follower> BySubject)
{
    public static Followers None { get; } = new(ImmutableSortedDictionary<string, Follower>.Empty);

    public int CountingFor(string? claimant) => BySubject.Values.Count(f => Counts(f, claimant));

    public static bool Counts(Follower follower, string? claimant) =>
        !follower.Suspended && follower.Subject != claimant;

    /// <summary>Applies an account event that concerns this record's followers; others leave it unchanged.</summary>
    public Followers Apply(IAccountEvent e) => e switch
    {
        AuthorFollowed followed => new(BySubject.SetItem(followed.Subject,
            new Follower(followed.Subject, followed.FollowedAt, Suspended: false))),
        AuthorUnfollowed unfollowed => new(BySubject.Remove(unfollowed.Subject)),
        AccountSuspended suspended => WithSuspended(suspended.Subject, true),
        AccountReinstated reinstated => WithSuspended(reinstated.Subject, false),
        _ => this,
    };

    private Followers WithSuspended(string subject, bool suspended) =>
        BySubject.TryGetValue(subject, out var follower)
            ? new(BySubject.SetItem(subject, follower with { Suspended = suspended }))
            : this;
}
