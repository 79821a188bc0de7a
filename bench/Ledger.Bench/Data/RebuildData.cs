using System.Globalization;
using Ledger.Domain.Accounts;
using Ledger.Domain.Authors;
using Ledger.Domain.Authors.Importing;

namespace Ledger.Bench.Data;

/// <summary>One event of the rebuild data set, with the stream it belongs to and the time it occurred.</summary>
public sealed record PlannedEvent(
    Guid StreamId,
    string StreamType,
    long Version,
    object Data,
    DateTimeOffset Timestamp);

/// <summary>
/// The event set of the rebuild and trust-as-of scenarios, made of the domain's own event types.
/// It comes in rounds, so that every stretch of the event log has the same mix. Each round imports
/// 1,000 author records (AuthorImported and 14 WorkAttributed events each). Then it registers 500
/// accounts that follow 19 records each among those imported so far (AccountRegistered and
/// AuthorFollowed events). The first 5,000 accounts also follow record 0, the hot record. Round 0
/// starts with the long record: 10,000 events of re-imports over two years.
/// </summary>
public sealed class RebuildData(int rounds)
{
    public const int AuthorsPerRound = 1_000;
    public const int WorksPerAuthor = 14;
    public const int AccountsPerRound = 500;
    public const int FollowsPerAccount = 19;
    public const int HotFollowers = 5_000;
    public const int LongRecordEvents = 10_000;
    public const int LongRecordWorks = 50;

    private const long FirstAuthorNumber = 5_200_000_000;
    private const string Importer = "bench-writer";
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan LongRecordSpan = TimeSpan.FromDays(730);

    public long EventCount =>
        LongRecordEvents
        + (long)rounds * (AuthorsPerRound * (1 + WorksPerAuthor) + AccountsPerRound * (1 + FollowsPerAccount));

    public int Authors => rounds * AuthorsPerRound;

    public int Accounts => rounds * AccountsPerRound;

    /// <summary>The record with <see cref="LongRecordEvents"/> events, numbered after every other record.</summary>
    public Guid LongRecordId => AuthorStreamId(Authors);

    public static Guid HotRecordId => AuthorStreamId(0);

    public static Guid AuthorStreamId(int author) => AuthorIds.ForExternalId("openalex:" + AuthorShortId(author));

    /// <summary>Returns when the event with this 1-based version of the long record occurred.</summary>
    public static DateTimeOffset LongRecordTime(long version) =>
        Epoch + LongRecordSpan * ((version - 1) / (double)LongRecordEvents);

    /// <summary>Yields every event in the order it is appended.</summary>
    public IEnumerable<PlannedEvent> Events()
    {
        foreach (var e in LongRecord())
        {
            yield return e;
        }

        for (var round = 0; round < rounds; round++)
        {
            for (var author = round * AuthorsPerRound; author < (round + 1) * AuthorsPerRound; author++)
            {
                foreach (var e in AuthorStream(author))
                {
                    yield return e;
                }
            }

            var imported = (round + 1) * AuthorsPerRound;
            for (var account = round * AccountsPerRound; account < (round + 1) * AccountsPerRound; account++)
            {
                foreach (var e in AccountStream(account, imported))
                {
                    yield return e;
                }
            }
        }
    }

    private static string AuthorShortId(int author) =>
        "A" + (FirstAuthorNumber + author).ToString(CultureInfo.InvariantCulture);

    private static AuthorDetails Details(int author, string description, bool open) =>
        new(OpenAlexLines.Name(author), null, description, $"Institute {author % 17}", open,
            $"inst{author % 17}.example.org");

    private static IEnumerable<PlannedEvent> AuthorStream(int author)
    {
        var id = AuthorStreamId(author);
        var at = Epoch.AddMinutes(author);
        yield return new PlannedEvent(id, "author", 1,
            new AuthorImported(id, "openalex:" + AuthorShortId(author),
                Details(author, "Works on kernel methods.", author % 2 == 0), Importer, at), at);
        for (var w = 0; w < WorksPerAuthor; w++)
        {
            var attributedAt = at.AddSeconds(w + 1);
            yield return new PlannedEvent(id, "author", w + 2,
                new WorkAttributed(id, Work(author, w, 0), Importer, attributedAt), attributedAt);
        }
    }

    private static IEnumerable<PlannedEvent> AccountStream(int account, int imported)
    {
        var subject = $"bench-reader-{account:D6}";
        var id = AccountIds.ForSubject(subject);
        var at = Epoch.AddDays(60).AddMinutes(account);
        yield return new PlannedEvent(id, "account", 1, new AccountRegistered(subject, at), at);
        for (var f = 0; f < FollowsPerAccount; f++)
        {
            var followedAt = at.AddSeconds(f + 1);
            var author = f == 0 && account < HotFollowers ? 0 : SpreadAuthor(account, f, imported);
            yield return new PlannedEvent(id, "account", f + 2,
                new AuthorFollowed(subject, AuthorStreamId(author), followedAt), followedAt);
        }
    }

    // Records 1..imported-1, distinct for the follows of one account because 7919 is prime and no
    // imported-1 of this data set is a multiple of it.
    private static int SpreadAuthor(int account, int follow, int imported) =>
        1 + (int)(((long)account * FollowsPerAccount + follow) * 7919 % (imported - 1));

    // AuthorImported, 50 WorkAttributed, then revisions of those works, description changes and
    // collaboration preference changes in turn, evenly spread over two years.
    private IEnumerable<PlannedEvent> LongRecord()
    {
        var author = Authors;
        var id = LongRecordId;
        yield return new PlannedEvent(id, "author", 1,
            new AuthorImported(id, "openalex:" + AuthorShortId(author), Details(author, "Revision 0", true), Importer,
                LongRecordTime(1)), LongRecordTime(1));

        for (var version = 2L; version <= LongRecordEvents; version++)
        {
            var at = LongRecordTime(version);
            var step = version - 2;
            object data = step < LongRecordWorks
                ? new WorkAttributed(id, Work(author, (int)step, 0), Importer, at)
                : (step % 3) switch
                {
                    0 => new WorkRevised(id, Work(author, (int)(step % LongRecordWorks), (int)step), Importer, at),
                    1 => new ImportedFieldChanged(id, AuthorField.Description, $"Revision {step - 3}",
                        $"Revision {step}", Importer, at),
                    _ => new CollaborationPreferenceSet(id, step % 2 == 0, Importer, at),
                };
            yield return new PlannedEvent(id, "author", version, data, at);
        }
    }

    private static Work Work(int author, int index, int revision)
    {
        var id = "W" + (FirstAuthorNumber + (long)author * 100 + index).ToString(CultureInfo.InvariantCulture);
        var topicA = author % 12 * 4 + index % 4;
        var topicB = (author + index) % 48;
        var topics = new List<Topic>
        {
            new($"T{9_100_000_000L + topicA}", $"Topic {topicA}"),
            new($"T{9_100_000_000L + topicB}", $"Topic {topicB}"),
        };
        var coauthor = author + 1 + index % 3;
        var coauthors = new List<Coauthor> { new(AuthorShortId(coauthor), OpenAlexLines.Name(coauthor)) };
        return new Work(id, $"On wide networks, part {index}, revision {revision}", "article", 2010 + index % 15,
            "arXiv", "We study the training dynamics of wide neural networks and show a simple linear limit.", topics,
            coauthors);
    }
}
