namespace Ledger.Domain.Authors;

/// <summary>Reads and writes the fields of <see cref="AuthorDetails"/> that an import may change.</summary>
public static class AuthorDetailsFields
{
    public static string? Get(this AuthorDetails details, AuthorField field) => field switch
    {
        AuthorField.Name => details.Name,
        AuthorField.Orcid => details.Orcid,
        AuthorField.Description => details.Description,
        AuthorField.Affiliation => details.Affiliation,
        AuthorField.AffiliationDomain => details.AffiliationDomain,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown author field."),
    };

    public static AuthorDetails With(this AuthorDetails details, AuthorField field, string? value) => field switch
    {
        // A name is required at import, so a change never clears it.
        AuthorField.Name => details with { Name = value ?? details.Name },
        AuthorField.Orcid => details with { Orcid = value },
        AuthorField.Description => details with { Description = value },
        AuthorField.Affiliation => details with { Affiliation = value },
        AuthorField.AffiliationDomain => details with { AffiliationDomain = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown author field."),
    };
}
