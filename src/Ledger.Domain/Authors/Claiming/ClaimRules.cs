using Ledger.Domain.Accounts;
using Ledger.Domain.Verification;

namespace Ledger.Domain.Authors.Claiming;

public static class ClaimRules
{
    /// <summary>The approver named on a claim approved at once because of strong evidence.</summary>
    public const string StrongEvidenceRule = "rule:strong-evidence";

    /// <summary>Email evidence stops counting this many months after the address was verified.</summary>
    public const int EmailEvidenceMonths = 24;

    /// <summary>
    /// Finds the account's strong evidence for a record: its ORCID iD equals the record's, or its
    /// verified email domain is the affiliation's domain or a subdomain of it. ORCID evidence comes
    /// first because it does not expire; email evidence already expired at <paramref name="now"/> does not count.
    /// </summary>
    public static StrongEvidence? StrongEvidenceFor(Author author, Account account, DateTimeOffset now)
    {
        if (account.Orcid is not null && account.Orcid == author.Details.Orcid)
        {
            return new StrongEvidence("orcid", $"linked ORCID iD {account.Orcid} equals the record's",
                account.OrcidLinkedAt ?? now, null);
        }

        var affiliation = author.Details.AffiliationDomain;
        if (account.EmailDomain is null || affiliation is null || account.EmailVerifiedAt is null)
        {
            return null;
        }

        var domain = account.EmailDomain;
        var belongs = domain == affiliation || domain.EndsWith("." + affiliation, StringComparison.Ordinal);
        var expiresAt = account.EmailVerifiedAt.Value.AddMonths(EmailEvidenceMonths);
        return belongs && now < expiresAt
            ? new StrongEvidence("email", $"verified email domain {domain} belongs to {affiliation}",
                account.EmailVerifiedAt.Value, expiresAt)
            : null;
    }

    /// <summary>Rejects an empty reason, because every verifier decision states one.</summary>
    public static Rejection? RequireReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? Reject.Invalid("reason-required", "A verifier decision needs a non-empty reason.", reason)
            : null;

    public static Rejection? FindClaim(Author author, Guid claimId, out Claim claim)
    {
        if (author.Claims.TryGetValue(claimId, out claim!))
        {
            return null;
        }

        return Reject.NotFound("claim-not-found", $"Record {author.ExternalId} has no claim {claimId}.", claimId);
    }

    public static Rejection RequireStatus(Claim claim, string action, params ClaimStatus[] allowed) =>
        Reject.Conflict($"claim-not-{allowed[0].ToString().ToLowerInvariant()}",
            $"Only a {string.Join(" or ", allowed).ToLowerInvariant()} claim can be {action}; claim {claim.Id} is "
            + $"{claim.Status.ToString().ToLowerInvariant()}.", claim.Status.ToString().ToLowerInvariant());
}
