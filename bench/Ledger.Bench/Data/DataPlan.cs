using System.Globalization;
using Ledger.Domain.Authors;
using Ledger.Domain.Identifiers;

namespace Ledger.Bench.Data;

/// <summary>A claim of the seeding step: who claims which record, and whether the token proves the record's ORCID
/// iD.</summary>
public sealed record PlannedClaim(string Claimant, int Record, bool WithOrcid);

/// <summary>
/// The deterministic data set of the HTTP scenarios. Records are OpenAlex authors A5100000000 and
/// up; record 0 is the hot record, first in every Zipf draw. The last <see cref="FreshRecords"/>
/// records get no follower while seeding, so that the follow scenario appends to records that no account follows yet.
/// </summary>
public sealed class DataPlan
{
    public const int Seed = 20261204;
    public const int HotRecord = 0;
    public const int FreshRecords = 500;
    public const int ImportBatchSize = 500;
    public const double ZipfExponent = 1.0;

    private const long FirstAuthorNumber = 5_100_000_000;

    public DataPlan(int records, int followers, int claims)
    {
        if (records < FreshRecords * 2)
        {
            throw new ArgumentOutOfRangeException(nameof(records), records,
                $"The plan needs at least {FreshRecords * 2} records.");
        }

        Records = records;
        Followers = followers;
        FollowedRecords = records - FreshRecords;

        var random = new Random(Seed);
        var zipf = new Zipf(FollowedRecords, ZipfExponent);
        Follows = PlanFollows(random, zipf);
        Claims = PlanClaims(random, zipf, claims);
    }

    public int Records { get; }

    /// <summary>Researcher accounts that follow records while seeding; the follow scenario reuses them.</summary>
    public int Followers { get; }

    /// <summary>Records 0 to FollowedRecords - 1 are the ones seeding follows and claims pick from.</summary>
    public int FollowedRecords { get; }

    /// <summary>Each follower's records, in the order it follows them.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Follows { get; }

    public IReadOnlyList<PlannedClaim> Claims { get; }

    public int FollowCount => Follows.Sum(f => f.Count);

    public int HotFollowers => Follows.Count(f => f.Contains(HotRecord));

    public static string AuthorId(int record) =>
        "A" + (FirstAuthorNumber + record).ToString(CultureInfo.InvariantCulture);

    public static Guid StreamId(int record) => AuthorIds.ForExternalId("openalex:" + AuthorId(record));

    public static string FollowerSubject(int follower) => $"bench-follower-{follower:D5}";

    /// <summary>A valid ORCID iD for every third record, else null.</summary>
    public static string? Orcid(int record)
    {
        if (record % 3 != 0)
        {
            return null;
        }

        var digits = "0000000" + record.ToString("D8", CultureInfo.InvariantCulture);
        var full = digits + Domain.Identifiers.Orcid.CheckDigit(digits);
        return $"{full[..4]}-{full[4..8]}-{full[8..12]}-{full[12..]}";
    }

    /// <summary>Builds the import bodies: JSON Lines of up to 500 authors with their works, co-authors within the
    /// same body.</summary>
    public IReadOnlyList<string> ImportBodies() => OpenAlexLines.Build(Records, ImportBatchSize, Seed);

    private List<IReadOnlyList<int>> PlanFollows(Random random, Zipf zipf)
    {
        var follows = new List<IReadOnlyList<int>>(Followers);
        for (var follower = 0; follower < Followers; follower++)
        {
            var followCount = 1 + random.Next(3);
            var records = new List<int>(followCount);
            while (records.Count < followCount)
            {
                var record = zipf.Next(random);
                if (!records.Contains(record))
                {
                    records.Add(record);
                }
            }

            follows.Add(records);
        }

        return follows;
    }

    private static List<PlannedClaim> PlanClaims(Random random, Zipf zipf, int count)
    {
        var claims = new List<PlannedClaim>(count);
        for (var i = 0; i < count; i++)
        {
            var record = zipf.Next(random);
            claims.Add(new PlannedClaim($"bench-claimant-{i:D4}", record, Orcid(record) is not null && i % 2 == 0));
        }

        return claims;
    }
}
