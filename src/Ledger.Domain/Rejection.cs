namespace Ledger.Domain;

/// <summary>How a rejected command failed, which the HTTP layer turns into a status code.</summary>
public enum RejectionKind
{
    /// <summary>The command itself is invalid.</summary>
    Invalid,

    /// <summary>The actor may not do this.</summary>
    Forbidden,

    /// <summary>What the command names does not exist.</summary>
    NotFound,

    /// <summary>The command conflicts with the current state.</summary>
    Conflict,
}

/// <summary>A command that breaks a rule: it appends nothing, and names the rule and the value at fault.</summary>
public sealed record Rejection(RejectionKind Kind, string Rule, string Detail, object? Value);

/// <summary>The outcome of a decision: the events to append, or why none may be appended.</summary>
public sealed record Decision<TEvent>(IReadOnlyList<TEvent> Events, Rejection? Rejection)
{
    public static implicit operator Decision<TEvent>(Rejection rejection) => new([], rejection);

    public static implicit operator Decision<TEvent>(TEvent[] events) => new(events, null);

    public static implicit operator Decision<TEvent>(List<TEvent> events) => new(events, null);
}

public static class Reject
{
    public static Rejection Invalid(string rule, string detail, object? value) =>
        new(RejectionKind.Invalid, rule, detail, value);

    public static Rejection Forbidden(string rule, string detail, object? value) =>
        new(RejectionKind.Forbidden, rule, detail, value);

    public static Rejection NotFound(string rule, string detail, object? value) =>
        new(RejectionKind.NotFound, rule, detail, value);

    public static Rejection Conflict(string rule, string detail, object? value) =>
        new(RejectionKind.Conflict, rule, detail, value);
}
