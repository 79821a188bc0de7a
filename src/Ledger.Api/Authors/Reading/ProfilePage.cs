using Ledger.Domain.Authors;
using Ledger.Domain.Trust;
using Ledger.Domain.Verification;
using Ledger.Projections;

namespace Ledger.Api.Authors.Reading;

/// <summary>
/// The parts of <see cref="AuthorProfile"/> that the public page shows. The followers and the trust history
/// are left in the database, so a record with many followers reads as fast as any other.
/// </summary>
public sealed record ProfilePage(
    Guid Id,
    string ExternalId,
    Author Record,
    long RecordVersion,
    TrustFacts Facts,
    TierEvaluation Tier,
    IReadOnlyDictionary<string, TrustEvaluation> TrustByPolicy);
