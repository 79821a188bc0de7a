using Ledger.Domain.Authors;
using Ledger.Domain.Verification;

namespace Ledger.Domain.Trust;

public static class AuthorTrustFacts
{
    /// <summary>Collects the facts a trust policy reads from a record and its counting followers.</summary>
    public static TrustFacts From(Author author, int countingFollowers) =>
        new(
            TierFacts.Unclaimed(author.HasPersistentIdentifier),
            ClaimStanding.Unclaimed,
            DisputeOpen: false,
            Works: author.Bibliography.Works.Count,
            Topics: author.Bibliography.Topics().Count,
            CloseCollaborators: author.Bibliography.CloseCollaborators().Count,
            CountingFollowers: countingFollowers,
            RevokedAt: []);
}
