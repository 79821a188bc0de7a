using System.Text;
using System.Text.Json;
using Ledger.Domain.Identifiers;

namespace Ledger.Domain.Authors.Importing;

/// <summary>A work as its source lists it, before it is seen from one author's record.</summary>
/// <param name="AuthorIds">Canonical external ids of every author in the work's authorships.</param>
public sealed record SourceWork(Work Work, IReadOnlyList<Coauthor> Authorships, IReadOnlyList<string> AuthorIds)
{
    /// <summary>Returns the work as attributed to one author: its co-authors are everyone else.</summary>
    public Work ForAuthor(string openAlexAuthorId) =>
        Work with { Coauthors = Authorships.Where(a => a.Id != openAlexAuthorId).ToList() };
}

public sealed record ImportBatch(
    IReadOnlyList<(string ExternalId, AuthorDetails Details)> Authors,
    IReadOnlyList<SourceWork> Works,
    IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>
    /// Groups the batch into one command per author: each author of the batch with its works, and
    /// each other author named in a work's authorships with only those works.
    /// </summary>
    public IReadOnlyList<ImportAuthor> ToCommands()
    {
        var details = Authors.ToDictionary(a => a.ExternalId, a => a.Details);
        var externalIds = Authors.Select(a => a.ExternalId)
            .Concat(Works.SelectMany(w => w.AuthorIds))
            .Distinct();

        return externalIds
            .Select(id => new ImportAuthor(
                id,
                details.GetValueOrDefault(id),
                Works.Where(w => w.AuthorIds.Contains(id)).Select(w => w.ForAuthor(ShortId(id))).ToList()))
            .ToList();
    }

    private static string ShortId(string externalId) => externalId[(externalId.IndexOf(':') + 1)..];
}

/// <summary>
/// Reads OpenAlex author and work objects: one JSON document, a JSON array of them, or JSON Lines.
/// Author objects may carry the site's own profile fields under "x_profile".
/// </summary>
public static class OpenAlexDocuments
{
    public static ImportBatch Parse(string content)
    {
        var authors = new List<(string, AuthorDetails)>();
        var works = new List<SourceWork>();
        var problems = new List<ImportProblem>();

        foreach (var (line, text) in SplitDocuments(content))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                ReadElement(document.RootElement, line, authors, works, problems);
            }
            catch (JsonException exception)
            {
                problems.Add(new ImportProblem(line, "$", $"invalid JSON: {exception.Message}"));
            }
        }

        if (authors.Count == 0 && works.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(1, "$", "the input holds no author or work object"));
        }

        return new ImportBatch(authors, works, problems);
    }

    private static void ReadElement(JsonElement element, int line, List<(string, AuthorDetails)> authors,
        List<SourceWork> works, List<ImportProblem> problems)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                ReadElement(item, line, authors, works, problems);
            }

            return;
        }

        var reader = new FieldReader(element, line, problems);
        var id = reader.RequiredString("id");
        if (id is null)
        {
            return;
        }

        if (OpenAlexId.TryNormalize(id, 'W', out var workId))
        {
            var work = OpenAlexWorkReader.Read(reader, workId);
            if (work is not null)
            {
                works.Add(work);
            }

            return;
        }

        var externalId = AuthorIds.CanonicalExternalId(id);
        if (externalId is null)
        {
            reader.Problem("id", $"'{id}' is neither an OpenAlex author (A…) or work (W…) id nor an ORCID iD");
            return;
        }

        var details = OpenAlexAuthorReader.Read(reader);
        if (details is not null)
        {
            authors.Add((externalId, details));
        }
    }

    private static IEnumerable<(int Line, string Text)> SplitDocuments(string content)
    {
        var trimmed = content.TrimStart();
        if (trimmed.StartsWith('[') || !LooksLikeJsonLines(content))
        {
            yield return (1, content);
            yield break;
        }

        var lines = content.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            if (!string.IsNullOrWhiteSpace(lines[index]))
            {
                yield return (index + 1, lines[index]);
            }
        }
    }

    // JSON Lines when more than one non-blank line starts an object at column zero.
    private static bool LooksLikeJsonLines(string content) =>
        content.Split('\n').Count(line => line.StartsWith('{')) > 1;

    internal static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);
}
