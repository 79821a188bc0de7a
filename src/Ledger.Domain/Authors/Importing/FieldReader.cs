using System.Text.Json;

namespace Ledger.Domain.Authors.Importing;

/// <summary>Reads typed fields of one JSON object and records a problem, naming the field, for each bad one.</summary>
/// A nested reader shares the problem list, so the outer reader sees the problems of its fields.
internal sealed class FieldReader
{
    private readonly JsonElement element;
    private readonly int line;
    private readonly List<ImportProblem> problems;
    private readonly string prefix;
    private readonly int problemsBefore;

    public FieldReader(JsonElement element, int line, List<ImportProblem> problems)
        : this(element, line, problems, "", problems.Count)
    {
    }

    private FieldReader(JsonElement element, int line, List<ImportProblem> problems, string prefix, int problemsBefore)
    {
        this.element = element;
        this.line = line;
        this.problems = problems;
        this.prefix = prefix;
        this.problemsBefore = problemsBefore;
    }

    public bool HasProblems => problems.Count > problemsBefore;

    public void Problem(string field, string detail) => problems.Add(new ImportProblem(line, prefix + field, detail));

    public FieldReader Nested(JsonElement nested, string field) =>
        new(nested, line, problems, $"{prefix}{field}.", problemsBefore);

    public JsonElement? Property(string field)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Problem(field, "expected a JSON object around this field");
            return null;
        }

        return element.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    public string? RequiredString(string field)
    {
        var value = OptionalString(field);
        if (value is null && !HasProblemFor(field))
        {
            Problem(field, "is missing");
        }
        else if (value is not null && value.Trim().Length == 0)
        {
            Problem(field, "is empty");
            return null;
        }

        return value;
    }

    private bool HasProblemFor(string field) =>
        problems.Skip(problemsBefore).Any(p => p.Line == line && p.Field == prefix + field);

    public string? OptionalString(string field)
    {
        var value = Property(field);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.String)
        {
            Problem(field, $"expected a string, got {Describe(value.Value)}");
            return null;
        }

        return OpenAlexDocuments.Nfc(value.Value.GetString()!);
    }

    public int? OptionalInt(string field, int minimum, int maximum)
    {
        var value = Property(field);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.Number || !value.Value.TryGetInt32(out var number))
        {
            Problem(field, $"expected a whole number, got {Describe(value.Value)}");
            return null;
        }

        if (number < minimum || number > maximum)
        {
            Problem(field, $"{number} is outside {minimum}..{maximum}");
            return null;
        }

        return number;
    }

    public bool? OptionalBool(string field)
    {
        var value = Property(field);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Problem(field, $"expected true or false, got {Describe(value.Value)}");
            return null;
        }

        return value.Value.GetBoolean();
    }

    public IReadOnlyList<JsonElement> OptionalArray(string field)
    {
        var value = Property(field);
        if (value is null)
        {
            return [];
        }

        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            Problem(field, $"expected an array, got {Describe(value.Value)}");
            return [];
        }

        return value.Value.EnumerateArray().ToList();
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.GetRawText(),
    };
}
