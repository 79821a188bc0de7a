namespace Ledger.Api;

/// <summary>
/// RFC 9457 problem responses. Each names the broken rule in "rule" and the offending value in
/// "value", besides a sentence in "detail".
/// </summary>
public static class Problems
{
    public static IResult Rule(int status, string rule, string title, string detail, object? value,
        IDictionary<string, object?>? extensions = null)
    {
        var members = new Dictionary<string, object?> { ["rule"] = rule, ["value"] = value };
        foreach (var (name, member) in extensions ?? new Dictionary<string, object?>())
        {
            members[name] = member;
        }

        return Results.Problem(
            statusCode: status,
            type: $"/problems/{rule}",
            title: title,
            detail: detail,
            extensions: members);
    }

    public static IResult AuthorNotFound(string id) =>
        Rule(StatusCodes.Status404NotFound, "author-not-found", "Author not found",
            $"No author record has the id '{id}'. Use the record's id, its OpenAlex id or its ORCID iD.", id);
}
