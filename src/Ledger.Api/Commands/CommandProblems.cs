using Ledger.Domain;

namespace Ledger.Api.Commands;

public static class CommandProblems
{
    /// <summary>Turns a domain rejection into a problem response that names the rule and the value.</summary>
    public static IResult From(Rejection rejection)
    {
        var (status, title) = rejection.Kind switch
        {
            RejectionKind.Invalid => (StatusCodes.Status400BadRequest, "Invalid command"),
            RejectionKind.Forbidden => (StatusCodes.Status403Forbidden, "Not allowed"),
            RejectionKind.NotFound => (StatusCodes.Status404NotFound, "Not found"),
            _ => (StatusCodes.Status409Conflict, "Conflicts with the current state"),
        };
        return Problems.Rule(status, rejection.Rule, title, rejection.Detail, rejection.Value);
    }

    public static IResult VersionMismatch(bool fromIfMatch, long expected, long actual) =>
        Problems.Rule(
            fromIfMatch ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict,
            "version-mismatch",
            "The record changed",
            $"The command expected version {expected} of the record, but it is at version {actual}. "
            + "Read the record again and retry with its current version.",
            expected,
            new Dictionary<string, object?> { ["currentVersion"] = actual });
}
