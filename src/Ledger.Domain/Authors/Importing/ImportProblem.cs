namespace Ledger.Domain.Authors.Importing;

/// <summary>An input error: the JSON field at fault, with the 1-based line of JSON Lines input.</summary>
public sealed record ImportProblem(int Line, string Field, string Detail)
{
    public override string ToString() => $"line {Line}, field '{Field}': {Detail}";
}
