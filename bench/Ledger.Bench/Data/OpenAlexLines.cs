using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ledger.Bench.Data;

/// <summary>
/// Writes OpenAlex-shaped author and work objects as JSON Lines, in the form of seeds/*.jsonl: an
/// author line per record, then a line per work with its authorships, topics and an abstract as an
/// inverted index.
/// </summary>
public static class OpenAlexLines
{
    public const int HotRecordWorks = 24;
    private const long FirstWorkNumber = 5_100_000_000;
    private const int TopicCount = 48;

    private static readonly string[] GivenNames =
    [
        "Ada", "Ben", "Chiara", "Dmitri", "Emeka", "Fatima", "Goran", "Hana", "Ines", "Jun", "Kofi", "Lena",
        "Mateo", "Nadia", "Oren", "Priya", "Quentin", "Rosa", "Sven", "Tomoko", "Umar", "Vera", "Wei", "Yara",
    ];

    private static readonly string[] FamilyNames =
    [
        "Abe", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Horvat", "Ivanova", "Jensen", "Kowalski",
        "Lindqvist", "Moreau", "Nakamura", "O'Neill", "Petrov", "Quispe", "Rossi", "Singh", "Tanaka", "Ueda",
        "Varga", "Wójcik", "Xu", "Yilmaz", "Zhang",
    ];

    private static readonly string[] Words =
    [
        "we", "study", "kernel", "methods", "for", "large", "neural", "networks", "and", "show", "that", "the",
        "training", "dynamics", "of", "wide", "models", "follow", "a", "simple", "linear", "limit", "in", "data",
        "distillation", "scaling", "laws", "predict", "error", "across", "tasks", "with", "fewer", "samples",
    ];

    private static readonly string[] Venues = ["arXiv", "NeurIPS", "ICML", "ICLR", "JMLR", "Nature", "PLOS ONE"];

    private static readonly string[] Types = ["article", "preprint", "proceedings-article"];

    /// <summary>Returns one JSON Lines body per batch of records; every co-author of a work is in the same
    /// batch.</summary>
    public static IReadOnlyList<string> Build(int records, int batchSize, int seed)
    {
        var random = new Random(seed + 1);
        var bodies = new List<string>();
        var nextWork = 0L;
        for (var first = 0; first < records; first += batchSize)
        {
            var last = Math.Min(records, first + batchSize) - 1;
            var builder = new StringBuilder();
            for (var record = first; record <= last; record++)
            {
                builder.Append(AuthorLine(record, random)).Append('\n');
            }

            for (var record = first; record <= last; record++)
            {
                var works = record == DataPlan.HotRecord ? HotRecordWorks : 1 + random.Next(5);
                for (var w = 0; w < works; w++)
                {
                    builder.Append(WorkLine(nextWork++, record, first, last, random)).Append('\n');
                }
            }

            bodies.Add(builder.ToString());
        }

        return bodies;
    }

    public static string Name(int record) =>
        GivenNames[record % GivenNames.Length] + " " + FamilyNames[record / GivenNames.Length % FamilyNames.Length];

    private static string AuthorLine(int record, Random random)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            var id = "https://openalex.org/" + DataPlan.AuthorId(record);
            json.WriteStartObject();
            json.WriteString("id", id);
            var orcid = DataPlan.Orcid(record);
            if (orcid is null)
            {
                json.WriteNull("orcid");
            }
            else
            {
                json.WriteString("orcid", "https://orcid.org/" + orcid);
            }

            json.WriteString("display_name", Name(record));
            json.WriteStartArray("last_known_institutions");
            if (record % 4 != 3)
            {
                var institution = record % 17;
                json.WriteStartObject();
                json.WriteString("display_name", $"Institute {institution}");
                json.WriteString("homepage_url", $"https://www.inst{institution}.example.org");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("ids");
            json.WriteString("openalex", id);
            json.WriteEndObject();
            json.WriteStartObject("x_profile");
            json.WriteString("description", $"{Name(record)} works on kernel methods and data distillation.");
            json.WriteBoolean("open_to_collaborate", random.Next(2) == 0);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string WorkLine(long work, int owner, int first, int last, Random random)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            var title = $"On {Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} "
                + $"{Words[random.Next(Words.Length)]} number {work.ToString(CultureInfo.InvariantCulture)}";
            json.WriteStartObject();
            var workNumber = (FirstWorkNumber + work).ToString(CultureInfo.InvariantCulture);
            json.WriteString("id", "https://openalex.org/W" + workNumber);
            json.WriteString("title", title);
            json.WriteString("display_name", title);
            json.WriteString("type", Types[random.Next(Types.Length)]);
            json.WriteNumber("publication_year", 2005 + random.Next(20));
            json.WriteStartObject("primary_location");
            json.WriteStartObject("source");
            json.WriteString("display_name", Venues[random.Next(Venues.Length)]);
            json.WriteString("type", "journal");
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("authorships");
            foreach (var author in Authors(owner, first, last, random))
            {
                json.WriteStartObject();
                json.WriteStartObject("author");
                json.WriteString("id", "https://openalex.org/" + DataPlan.AuthorId(author));
                json.WriteString("display_name", Name(author));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();

            // Records share topics by group of 12, so close collaborators also share topics.
            json.WriteStartArray("topics");
            var topics = 1 + random.Next(3);
            for (var t = 0; t < topics; t++)
            {
                var topic = (owner % 12 * 4 + random.Next(8)) % TopicCount;
                json.WriteStartObject();
                var topicNumber = (9_100_000_000L + topic).ToString(CultureInfo.InvariantCulture);
                json.WriteString("id", "https://openalex.org/T" + topicNumber);
                json.WriteString("display_name", $"Topic {topic}");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteAbstract(json, random);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // The owner first, then up to two co-authors among its neighbours in the batch, so that pairs share several works.
    private static List<int> Authors(int owner, int first, int last, Random random)
    {
        var authors = new List<int> { owner };
        var coauthors = random.Next(3);
        for (var c = 0; c < coauthors; c++)
        {
            var neighbour = Math.Clamp(owner + random.Next(-3, 4), first, last);
            if (!authors.Contains(neighbour))
            {
                authors.Add(neighbour);
            }
        }

        return authors;
    }

    private static void WriteAbstract(Utf8JsonWriter json, Random random)
    {
        var positions = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        var length = 25 + random.Next(20);
        for (var position = 0; position < length; position++)
        {
            var word = Words[random.Next(Words.Length)];
            if (!positions.TryGetValue(word, out var list))
            {
                positions[word] = list = [];
            }

            list.Add(position);
        }

        json.WriteStartObject("abstract_inverted_index");
        foreach (var (word, list) in positions)
        {
            json.WriteStartArray(word);
            foreach (var position in list)
            {
                json.WriteNumberValue(position);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
