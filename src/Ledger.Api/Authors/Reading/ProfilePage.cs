using Ledger.Domain.Authors;
using Ledger.Domain.Trust;
using Ledger.Domain.Verification;
using Ledger.Projections;

namespace Ledger.Api.Authors.Reading;

/// <summary>
/// The parts of <see cref="AuthorProfile"/> that the public page shows. The query leaves the followers and
/// the trust history in the database, so the read does not grow with the number of followers.
/// </summary>
public sealed record ProfilePage(
    Guid Id,
    string ExternalId,
    Author Record,
    long RecordVersion,
    TrustFacts Facts,
    TierEvaluation Tier,
    IReadOnlyDictionary<string, TrustEvaluation> TrustByPolicy);
