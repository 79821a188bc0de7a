namespace Ledger.Domain.Accounts;

/// <summary>An event of an account's stream; <see cref="Subject"/> is the account id from the token.</summary>
public interface IAccountEvent
{
    string Subject { get; }
}

/// <summary>The account acted for the first time.</summary>
public sealed record AccountRegistered(string Subject, DateTimeOffset RegisteredAt) : IAccountEvent;

/// <summary>A token carried a verified email address that the account did not have yet.</summary>
public sealed record EmailVerified(string Subject, string Address, string Domain, DateTimeOffset VerifiedAt)
    : IAccountEvent;

/// <summary>A token carried an ORCID iD, proven by ORCID sign-in, that the account did not have yet.</summary>
public sealed record OrcidLinked(string Subject, string Orcid, DateTimeOffset LinkedAt) : IAccountEvent;

/// <param name="FollowedAuthorIds">The records the account follows, whose follower counts change with it.</param>
public sealed record AccountSuspended(
    string Subject,
    string Reason,
    string SuspendedBy,
    DateTimeOffset SuspendedAt,
    IReadOnlyList<Guid> FollowedAuthorIds) : IAccountEvent;

public sealed record AccountReinstated(
    string Subject,
    string Reason,
    string ReinstatedBy,
    DateTimeOffset ReinstatedAt,
    IReadOnlyList<Guid> FollowedAuthorIds) : IAccountEvent;

public sealed record AuthorFollowed(string Subject, Guid AuthorId, DateTimeOffset FollowedAt) : IAccountEvent;

public sealed record AuthorUnfollowed(string Subject, Guid AuthorId, DateTimeOffset UnfollowedAt) : IAccountEvent;
