using System.Collections.Immutable;

namespace Ledger.Domain.Accounts;

public sealed record Follower(string Subject, DateTimeOffset FollowedAt, bool Suspended);

/// <summary>
/// The accounts that follow one record. A suspended account's follow stays on the list but does not
/// count until the account is reinstated, and neither does the claimant's follow of its own record.
/// </summary>
/// <param name="Since">When each following account followed the record, by subject.</param>
/// <param name="Suspended">
/// The following accounts that are suspended, a subset of <paramref name="Since"/>.
/// </param>
/// <remarks>
/// Views store this on every change of a followed record, so it keeps one timestamp per follower rather than one
/// object per follower.
/// </remarks>
public sealed record Followers(
    ImmutableSortedDictionary<string, DateTimeOffset> Since,
    ImmutableSortedSet<string> Suspended)
{
    public static Followers None { get; } =
        new(ImmutableSortedDictionary<string, DateTimeOffset>.Empty, ImmutableSortedSet<string>.Empty);

    /// <summary>Returns the number of followers that count towards trust: not suspended, not the claimant.</summary>
    public int CountingFor(string? claimant)
    {
        var claimantCounted = claimant is not null && Since.ContainsKey(claimant) && !Suspended.Contains(claimant);
        return Since.Count - Suspended.Count - (claimantCounted ? 1 : 0);
    }

    public static bool Counts(Follower follower, string? claimant) =>
        !follower.Suspended && follower.Subject != claimant;

    /// <summary>Lists every follower, suspended ones included, in subject order.</summary>
    public IEnumerable<Follower> List() =>
        Since.Select(pair => new Follower(pair.Key, pair.Value, Suspended.Contains(pair.Key)));

    /// <summary>Applies an account event that concerns this record's followers; others leave it unchanged.</summary>
    public Followers Apply(IAccountEvent e) => e switch
    {
        // Only an account that is not suspended can follow, so a follow also clears any suspension mark.
        AuthorFollowed followed => new(Since.SetItem(followed.Subject, followed.FollowedAt),
            Suspended.Remove(followed.Subject)),
        AuthorUnfollowed unfollowed => new(Since.Remove(unfollowed.Subject), Suspended.Remove(unfollowed.Subject)),
        AccountSuspended suspended when Since.ContainsKey(suspended.Subject) =>
            this with { Suspended = Suspended.Add(suspended.Subject) },
        AccountReinstated reinstated => this with { Suspended = Suspended.Remove(reinstated.Subject) },
        _ => this,
    };
}
