namespace Ledger.Domain.Authors.Claiming;

/// <summary>What a verifier decides about claims, disputes and attestations. Nobody decides their own claim.</summary>
public static class VerifierDecisions
{
    public static Decision<IAuthorEvent> Approve(Author author, string verifier, Guid claimId, string? reason,
        DateTimeOffset now)
    {
        if (Check(author, verifier, claimId, reason, out var claim) is { } rejection)
        {
            return rejection;
        }

        if (claim.Status != ClaimStatus.Pending)
        {
            return ClaimRules.RequireStatus(claim, "approved", ClaimStatus.Pending);
        }

        return new IAuthorEvent[] { Approval(author, claim, verifier, reason!, now) };
    }

    public static Decision<IAuthorEvent> RejectClaim(Author author, string verifier, Guid claimId, string? reason,
        DateTimeOffset now)
    {
        if (Check(author, verifier, claimId, reason, out var claim) is { } rejection)
        {
            return rejection;
        }

        return claim.Status == ClaimStatus.Pending
            ? new IAuthorEvent[] { new ClaimRejected(author.Id, claimId, verifier, reason!, now) }
            : ClaimRules.RequireStatus(claim, "rejected", ClaimStatus.Pending);
    }

    public static Decision<IAuthorEvent> Revoke(Author author, string verifier, Guid claimId, string? reason,
        DateTimeOffset now)
    {
        if (Check(author, verifier, claimId, reason, out var claim) is { } rejection)
        {
            return rejection;
        }

        return claim.Status == ClaimStatus.Approved
            ? new IAuthorEvent[] { new ClaimRevoked(author.Id, claimId, verifier, reason!, now) }
            : ClaimRules.RequireStatus(claim, "revoked", ClaimStatus.Approved);
    }

    /// <summary>
    /// Resolves a dispute. For the incumbent, the challenger's claim is rejected. For the challenger,
    /// the claim in force ends (revoked if approved, rejected if pending) and the challenger's is approved.
    /// </summary>
    public static Decision<IAuthorEvent> ResolveDispute(Author author, string verifier, Guid disputeId,
        DisputeOutcome inFavourOf, string? reason, DateTimeOffset now)
    {
        if (ClaimRules.RequireReason(reason) is { } noReason)
        {
            return noReason;
        }

        if (!author.Disputes.TryGetValue(disputeId, out var dispute))
        {
            return Reject.NotFound("dispute-not-found", $"Record {author.ExternalId} has no dispute {disputeId}.",
                disputeId);
        }

        if (!dispute.Open)
        {
            return Reject.Conflict("dispute-not-open", $"Dispute {disputeId} is already resolved.", disputeId);
        }

        var challenger = author.Claims[dispute.ChallengerClaimId];
        var incumbent = author.Claims[dispute.IncumbentClaimId];
        // The claim in force may no longer be the incumbent's, and either outcome touches it too.
        if (verifier == challenger.Claimant || verifier == incumbent.Claimant || verifier == author.Claimant)
        {
            return OwnClaim(verifier, dispute.ChallengerClaimId);
        }

        var events = new List<IAuthorEvent>
        {
            new DisputeResolved(author.Id, disputeId, inFavourOf, verifier, reason!, now),
        };
        if (inFavourOf == DisputeOutcome.Incumbent)
        {
            events.Add(new ClaimRejected(author.Id, challenger.Id, verifier, reason!, now));
            return events;
        }

        var inForce = author.ClaimInForce;
        if (inForce is { Status: ClaimStatus.Approved })
        {
            events.Add(new ClaimRevoked(author.Id, inForce.Id, verifier, reason!, now));
        }
        else if (inForce is not null)
        {
            events.Add(new ClaimRejected(author.Id, inForce.Id, verifier, reason!, now));
        }

        events.Add(Approval(author, challenger, verifier, reason!, now));
        return events;
    }

    /// <summary>Records a verifier's attestation of an approved claim, which raises an L2 record to L3.</summary>
    public static Decision<IAuthorEvent> Attest(Author author, string verifier, Guid claimId, string? statement,
        DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(statement))
        {
            return Reject.Invalid("statement-required", "An attestation needs a non-empty statement.", statement);
        }

        if (Check(author, verifier, claimId, statement, out var claim) is { } rejection)
        {
            return rejection;
        }

        if (claim.Status != ClaimStatus.Approved)
        {
            return ClaimRules.RequireStatus(claim, "attested", ClaimStatus.Approved);
        }

        return claim.Attested
            ? Array.Empty<IAuthorEvent>()
            : new IAuthorEvent[] { new AttestationRecorded(author.Id, claimId, verifier, statement, now) };
    }

    // A verifier approval keeps the claimant's strong evidence, so an approved claim with it reads L2.
    private static ClaimApproved Approval(Author author, Claim claim, string verifier, string reason,
        DateTimeOffset now)
    {
        var evidence = claim.OfferedEvidence is { } offered && offered.IsValidAt(now) ? offered : null;
        return new ClaimApproved(author.Id, claim.Id, verifier, reason, evidence, now);
    }

    private static Rejection? Check(Author author, string verifier, Guid claimId, string? reason, out Claim claim)
    {
        if (ClaimRules.RequireReason(reason) is { } noReason)
        {
            claim = null!;
            return noReason;
        }

        if (ClaimRules.FindClaim(author, claimId, out claim) is { } missing)
        {
            return missing;
        }

        return claim.Claimant == verifier ? OwnClaim(verifier, claimId) : null;
    }

    private static Rejection OwnClaim(string verifier, Guid claimId) =>
        Reject.Forbidden("own-claim", $"Verifier {verifier} cannot decide claim {claimId}, because it is their own.",
            verifier);
}
