using Ledger.Domain.Identifiers;

namespace Ledger.Domain.Accounts;

/// <summary>Evidence a bearer token proves about its subject.</summary>
/// <param name="VerifiedEmail">An email address the identity provider verified.</param>
/// <param name="Orcid">An ORCID iD proven by ORCID sign-in.</param>
public sealed record TokenEvidence(string Subject, string? VerifiedEmail, string? Orcid);

public static class AccountDecisions
{
    /// <summary>
    /// Records the token's evidence on the account: the account itself the first time the subject
    /// acts, then each email address or ORCID iD the first time it appears or when it changes.
    /// </summary>
    public static IReadOnlyList<IAccountEvent> Sync(Account? current, TokenEvidence token, DateTimeOffset now)
    {
        var events = new List<IAccountEvent>();
        if (current is null)
        {
            events.Add(new AccountRegistered(token.Subject, now));
        }

        var email = token.VerifiedEmail?.Trim().ToLowerInvariant();
        var at = email?.LastIndexOf('@') ?? -1;
        // NOTE: tokens carry no verification time, so the same address is recorded once and its email
        // evidence cannot be renewed. A claimant whose email evidence expired needs an ORCID iD instead.
        if (email is not null && at > 0 && at < email.Length - 1 && email != current?.Email)
        {
            events.Add(new EmailVerified(token.Subject, email, email[(at + 1)..], now));
        }

        if (Orcid.TryParse(token.Orcid, out var orcid) && orcid.Value.Value != current?.Orcid)
        {
            events.Add(new OrcidLinked(token.Subject, orcid.Value.Value, now));
        }

        return events;
    }

    /// <summary>Follows a record; following it again appends nothing.</summary>
    public static IReadOnlyList<IAccountEvent> Follow(Account account, Guid authorId, DateTimeOffset now) =>
        account.Following.Contains(authorId) ? [] : [new AuthorFollowed(account.Subject, authorId, now)];

    /// <summary>Unfollows a record; unfollowing a record the account does not follow appends nothing.</summary>
    public static IReadOnlyList<IAccountEvent> Unfollow(Account account, Guid authorId, DateTimeOffset now) =>
        account.Following.Contains(authorId) ? [new AuthorUnfollowed(account.Subject, authorId, now)] : [];

    public static Decision<IAccountEvent> Suspend(Account? account, string subject, string reason, string verifier,
        DateTimeOffset now)
    {
        if (account is null)
        {
            return Reject.NotFound("account-not-found", $"No account has the id '{subject}'.", subject);
        }

        if (account.Suspended)
        {
            return Array.Empty<IAccountEvent>();
        }

        return new IAccountEvent[] { new AccountSuspended(subject, reason, verifier, now, account.Following.ToList()) };
    }

    public static Decision<IAccountEvent> Reinstate(Account? account, string subject, string reason, string verifier,
        DateTimeOffset now)
    {
        if (account is null)
        {
            return Reject.NotFound("account-not-found", $"No account has the id '{subject}'.", subject);
        }

        if (!account.Suspended)
        {
            return Array.Empty<IAccountEvent>();
        }

        return new IAccountEvent[]
        {
            new AccountReinstated(subject, reason, verifier, now, account.Following.ToList()),
        };
    }
}
