using Ledger.Domain.Authors;
using Ledger.Domain.Authors.Claiming;
using Ledger.Domain.Verification;

namespace Ledger.Domain.Trust;

public static class AuthorTrustFacts
{
    /// <summary>Collects the facts a trust policy reads from a record and its counting followers.</summary>
    public static TrustFacts From(Author author, int countingFollowers)
    {
        var claim = author.ClaimInForce;
        var standing = claim?.Status switch
        {
            ClaimStatus.Approved => ClaimStanding.Approved,
            ClaimStatus.Pending => ClaimStanding.Pending,
            _ => ClaimStanding.Unclaimed,
        };
        var approved = claim?.Status == ClaimStatus.Approved ? claim : null;

        return new TrustFacts(
            new TierFacts(author.HasPersistentIdentifier, approved?.StrongEvidence, approved?.Attested ?? false),
            standing,
            DisputeOpen: author.DisputeOpen,
            Works: author.Bibliography.Works.Count,
            Topics: author.Bibliography.Topics().Count,
            CloseCollaborators: author.Bibliography.CloseCollaborators().Count,
            CountingFollowers: countingFollowers,
            RevokedAt: author.RevokedAt);
    }
}
