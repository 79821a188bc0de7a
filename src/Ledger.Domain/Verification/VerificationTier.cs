namespace Ledger.Domain.Verification;

/// <summary>How strongly a record is tied to a real person; derived from events, never stored as a fact.</summary>
public enum VerificationTier
{
    /// <summary>The record has no persistent identifier.</summary>
    L0,

    /// <summary>The record carries a persistent identifier from its source.</summary>
    L1,

    /// <summary>An approved claim backed by strong evidence that has not expired.</summary>
    L2,

    /// <summary>L2 plus an attestation recorded by a verifier.</summary>
    L3,
}

/// <summary>Strong evidence behind an approved claim: a matching ORCID iD, or a verified email domain.</summary>
/// <param name="ExpiresAt">When the evidence stops counting; null for evidence that does not expire.</param>
public sealed record StrongEvidence(string Kind, string Detail, DateTimeOffset VerifiedAt, DateTimeOffset? ExpiresAt)
{
    public bool IsValidAt(DateTimeOffset at) => ExpiresAt is null || at < ExpiresAt;
}

/// <summary>What the tier of a record depends on.</summary>
public sealed record TierFacts(bool HasPersistentIdentifier, StrongEvidence? ApprovedClaimEvidence, bool Attested)
{
    public static TierFacts Unclaimed(bool hasPersistentIdentifier) => new(hasPersistentIdentifier, null, false);
}

public sealed record TierEvaluation(VerificationTier Tier, string Reason, DateTimeOffset? ExpiresAt);

public static class VerificationTiers
{
    public static TierEvaluation Evaluate(TierFacts facts, DateTimeOffset at)
    {
        var evidence = facts.ApprovedClaimEvidence;
        if (evidence is not null && evidence.IsValidAt(at))
        {
            return facts.Attested
                ? new TierEvaluation(VerificationTier.L3,
                    $"approved claim backed by {evidence.Kind} evidence, attested by a verifier", evidence.ExpiresAt)
                : new TierEvaluation(VerificationTier.L2, $"approved claim backed by {evidence.Kind} evidence",
                    evidence.ExpiresAt);
        }

        return facts.HasPersistentIdentifier
            ? new TierEvaluation(VerificationTier.L1,
                "the record carries a persistent identifier from its source", null)
            : new TierEvaluation(VerificationTier.L0, "the record has no persistent identifier", null);
    }
}
