using System.Text.Json;
using Ledger.Domain.Identifiers;

namespace Ledger.Domain.Authors.Importing;

internal static class OpenAlexWorkReader
{
    /// <summary>Reads an OpenAlex work object; returns null when a field is invalid.</summary>
    public static SourceWork? Read(FieldReader reader, string workId)
    {
        var title = reader.OptionalString("title") ?? reader.RequiredString("display_name");
        var type = reader.OptionalString("type") ?? "other";
        var year = reader.OptionalInt("publication_year", 1000, 3000);
        var venue = ReadVenue(reader);
        var abstractText = ReadAbstract(reader);
        var topics = ReadTopics(reader);
        var authorships = ReadAuthorships(reader);

        if (reader.HasProblems || title is null)
        {
            return null;
        }

        var work = new Work(workId, title, type, year, venue, abstractText, topics, []);
        var authorIds = authorships.Select(a => "openalex:" + a.Id).ToList();
        return new SourceWork(work, authorships, authorIds);
    }

    private static string? ReadVenue(FieldReader reader)
    {
        var location = reader.Property("primary_location");
        if (location is null)
        {
            return null;
        }

        var source = reader.Nested(location.Value, "primary_location").Property("source");
        return source is null
            ? null
            : reader.Nested(source.Value, "primary_location.source").OptionalString("display_name");
    }

    /// <summary>Rebuilds the abstract from OpenAlex's inverted index: each word with its positions.</summary>
    private static string? ReadAbstract(FieldReader reader)
    {
        var index = reader.Property("abstract_inverted_index");
        if (index is null)
        {
            return null;
        }

        if (index.Value.ValueKind != JsonValueKind.Object)
        {
            reader.Problem("abstract_inverted_index", "expected an object mapping each word to its positions");
            return null;
        }

        var words = new SortedDictionary<int, string>();
        foreach (var entry in index.Value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Array)
            {
                reader.Problem($"abstract_inverted_index.{entry.Name}", "expected an array of positions");
                return null;
            }

            foreach (var position in entry.Value.EnumerateArray())
            {
                if (!position.TryGetInt32(out var at) || at < 0 || !words.TryAdd(at, entry.Name))
                {
                    reader.Problem($"abstract_inverted_index.{entry.Name}", $"invalid or repeated position {position}");
                    return null;
                }
            }
        }

        return OpenAlexDocuments.Nfc(string.Join(' ', words.Values));
    }

    private static List<Topic> ReadTopics(FieldReader reader)
    {
        var topics = new List<Topic>();
        var items = reader.OptionalArray("topics");
        for (var i = 0; i < items.Count; i++)
        {
            var item = reader.Nested(items[i], $"topics[{i}]");
            var id = item.RequiredString("id");
            var name = item.RequiredString("display_name");
            if (id is not null && name is not null)
            {
                topics.Add(new Topic(ShortUrl(id), name));
            }
        }

        return topics;
    }

    private static List<Coauthor> ReadAuthorships(FieldReader reader)
    {
        var authors = new List<Coauthor>();
        var items = reader.OptionalArray("authorships");
        if (items.Count == 0)
        {
            reader.Problem("authorships", "is missing or empty: a work needs at least one author");
        }

        for (var i = 0; i < items.Count; i++)
        {
            var authorship = reader.Nested(items[i], $"authorships[{i}]");
            var author = authorship.Property("author");
            if (author is null)
            {
                authorship.Problem("author", "is missing");
                continue;
            }

            var authorReader = reader.Nested(author.Value, $"authorships[{i}].author");
            var id = authorReader.RequiredString("id");
            var name = authorReader.RequiredString("display_name");
            if (id is not null && !OpenAlexId.TryNormalize(id, 'A', out _))
            {
                authorReader.Problem("id", $"'{id}' is not an OpenAlex author id (A followed by digits)");
            }
            else if (id is not null && name is not null && OpenAlexId.TryNormalize(id, 'A', out var shortId))
            {
                authors.Add(new Coauthor(shortId, name));
            }
        }

        return authors;
    }

    private static string ShortUrl(string id) =>
        id.StartsWith("https://openalex.org/", StringComparison.OrdinalIgnoreCase)
            ? id["https://openalex.org/".Length..]
            : id;
}
