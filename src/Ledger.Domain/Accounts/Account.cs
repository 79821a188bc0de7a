using System.Collections.Immutable;

namespace Ledger.Domain.Accounts;

/// <summary>A person's account, folded from its stream, with the evidence its tokens proved.</summary>
/// <param name="Id">
/// The stream id, derived from <paramref name="Subject"/> by <see cref="AccountIds.ForSubject"/>.
/// </param>
public sealed record Account(
    Guid Id,
    string Subject,
    string? Email,
    string? EmailDomain,
    DateTimeOffset? EmailVerifiedAt,
    string? Orcid,
    DateTimeOffset? OrcidLinkedAt,
    bool Suspended,
    ImmutableSortedSet<Guid> Following)
{
    public static Account Create(AccountRegistered registered) =>
        new(AccountIds.ForSubject(registered.Subject), registered.Subject,
            null, null, null, null, null, false, ImmutableSortedSet<Guid>.Empty);

    public Account Apply(EmailVerified verified) =>
        this with { Email = verified.Address, EmailDomain = verified.Domain, EmailVerifiedAt = verified.VerifiedAt };

    public Account Apply(OrcidLinked linked) => this with { Orcid = linked.Orcid, OrcidLinkedAt = linked.LinkedAt };

    public Account Apply(AccountSuspended _) => this with { Suspended = true };

    public Account Apply(AccountReinstated _) => this with { Suspended = false };

    public Account Apply(AuthorFollowed followed) => this with { Following = Following.Add(followed.AuthorId) };

    public Account Apply(AuthorUnfollowed unfollowed) =>
        this with { Following = Following.Remove(unfollowed.AuthorId) };

    /// <summary>Applies any event of the account's stream, as Marten folds it.</summary>
    public static Account? ApplyEvent(Account? account, IAccountEvent e) => (account, e) switch
    {
        (null, AccountRegistered registered) => Create(registered),
        (null, _) => null,
        (_, EmailVerified verified) => account.Apply(verified),
        (_, OrcidLinked linked) => account.Apply(linked),
        (_, AccountSuspended suspended) => account.Apply(suspended),
        (_, AccountReinstated reinstated) => account.Apply(reinstated),
        (_, AuthorFollowed followed) => account.Apply(followed),
        (_, AuthorUnfollowed unfollowed) => account.Apply(unfollowed),
        _ => throw new InvalidOperationException(
            $"Account {account.Subject} has no rule for event {e.GetType().Name}."),
    };
}
