using Ledger.Domain.Accounts;
using Ledger.Domain.Authors.Importing;

namespace Ledger.Domain.Authors.Claiming;

/// <summary>What a claimant does with its own claims.</summary>
public static class ClaimantDecisions
{
    /// <summary>
    /// Requests a claim. Strong evidence approves it at once; while another account's claim is in
    /// force, it opens a dispute that only a verifier resolves.
    /// </summary>
    public static Decision<IAuthorEvent> Request(Author author, Account claimant,
        IReadOnlyList<SubmittedEvidence> evidence, Guid claimId, Guid disputeId, DateTimeOffset now)
    {
        var inForce = author.ClaimInForce;
        if (inForce?.Claimant == claimant.Subject)
        {
            return Reject.Conflict("claim-already-in-force",
                $"Account {claimant.Subject} already holds claim {inForce.Id} of record {author.ExternalId}.",
                inForce.Id);
        }

        var disputing = author.Claims.Values.FirstOrDefault(
            c => c.Claimant == claimant.Subject && c.Status == ClaimStatus.Disputed);
        if (disputing is not null)
        {
            return Reject.Conflict("claim-already-disputed",
                $"Account {claimant.Subject} already disputes record {author.ExternalId} with claim {disputing.Id}.",
                disputing.Id);
        }

        var strong = ClaimRules.StrongEvidenceFor(author, claimant, now);
        var events = new List<IAuthorEvent>
        {
            new ClaimRequested(author.Id, claimId, claimant.Subject, evidence, strong, now),
        };

        if (inForce is not null)
        {
            events.Add(new DisputeOpened(author.Id, disputeId, inForce.Id, claimId, now));
        }
        else if (strong is not null)
        {
            events.Add(new ClaimApproved(author.Id, claimId, ClaimRules.StrongEvidenceRule, strong.Detail,
                strong, now));
        }

        return events;
    }

    /// <summary>
    /// Adds evidence to a claim. When the claimant now has strong evidence, a pending claim is
    /// approved, and an approved claim without valid strong evidence is approved again with it.
    /// </summary>
    public static Decision<IAuthorEvent> AddEvidence(Author author, Account claimant, Guid claimId,
        SubmittedEvidence evidence, DateTimeOffset now)
    {
        if (ClaimRules.FindClaim(author, claimId, out var claim) is { } missing)
        {
            return missing;
        }

        if (claim.Claimant != claimant.Subject)
        {
            return NotClaimant(claim, claimant);
        }

        if (claim.Status is not (ClaimStatus.Pending or ClaimStatus.Disputed or ClaimStatus.Approved))
        {
            return ClaimRules.RequireStatus(claim, "given evidence", ClaimStatus.Pending, ClaimStatus.Disputed,
                ClaimStatus.Approved);
        }

        var strong = ClaimRules.StrongEvidenceFor(author, claimant, now);
        var events = new List<IAuthorEvent>
        {
            new ClaimEvidenceAdded(author.Id, claimId, evidence, strong, claimant.Subject, now),
        };

        // Strong evidence approves a pending claim, and renews an approved one whose evidence lapsed.
        var lapsed = claim.Status == ClaimStatus.Approved && !(claim.StrongEvidence?.IsValidAt(now) ?? false);
        if ((claim.Status == ClaimStatus.Pending || lapsed) && strong is not null)
        {
            events.Add(new ClaimApproved(author.Id, claimId, ClaimRules.StrongEvidenceRule, strong.Detail,
                strong, now));
        }

        return events;
    }

    // NOTE: only a pending claim may be withdrawn, so a challenger waits for a verifier, and a dispute stays
    // open (with its trust penalty) after the claim it challenged ends, until a verifier resolves it.
    public static Decision<IAuthorEvent> Withdraw(Author author, string claimant, Guid claimId, DateTimeOffset now)
    {
        if (ClaimRules.FindClaim(author, claimId, out var claim) is { } missing)
        {
            return missing;
        }

        if (claim.Claimant != claimant)
        {
            return NotClaimant(claim, claimant);
        }

        return claim.Status == ClaimStatus.Pending
            ? new IAuthorEvent[] { new ClaimWithdrawn(author.Id, claimId, claimant, now) }
            : ClaimRules.RequireStatus(claim, "withdrawn", ClaimStatus.Pending);
    }

    public static Decision<IAuthorEvent> Release(Author author, string claimant, Guid claimId, DateTimeOffset now)
    {
        if (ClaimRules.FindClaim(author, claimId, out var claim) is { } missing)
        {
            return missing;
        }

        if (claim.Claimant != claimant)
        {
            return NotClaimant(claim, claimant);
        }

        return claim.Status == ClaimStatus.Approved
            ? new IAuthorEvent[] { new ClaimReleased(author.Id, claimId, claimant, now) }
            : ClaimRules.RequireStatus(claim, "released", ClaimStatus.Approved);
    }

    /// <summary>Sets whether the record takes direct invitations; only the holder of its approved claim may.</summary>
    public static Decision<IAuthorEvent> SetCollaboration(Author author, string actor, bool open, DateTimeOffset now)
    {
        if (author.ClaimInForce is not { Status: ClaimStatus.Approved } claim || claim.Claimant != actor)
        {
            return Reject.Forbidden("not-claimant",
                $"Only the holder of the approved claim of {author.ExternalId} may set its collaboration preference; "
                + $"{actor} does not hold it.", actor);
        }

        return author.Details.OpenToCollaborate == open
            ? Array.Empty<IAuthorEvent>()
            : new IAuthorEvent[] { new CollaborationPreferenceSet(author.Id, open, actor, now, ByClaimant: true) };
    }

    private static Rejection NotClaimant(Claim claim, Account account) => NotClaimant(claim, account.Subject);

    private static Rejection NotClaimant(Claim claim, string account) =>
        Reject.Forbidden("not-claimant", $"Only the claimant of claim {claim.Id} may do this; {account} is not.",
            account);
}
