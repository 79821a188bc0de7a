namespace Ledger.Domain.Authors;

/// <summary>The fields of an author record that its source provides.</summary>
/// <param name="Orcid">The ORCID iD in normal form, when the source lists one.</param>
/// <param name="AffiliationDomain">The web domain of the affiliation, such as "ox.ac.uk", for email evidence.</param>
public sealed record AuthorDetails(
    string Name,
    string? Orcid,
    string? Description,
    string? Affiliation,
    bool OpenToCollaborate,
    string? AffiliationDomain = null);

/// <summary>A field of <see cref="AuthorDetails"/> that a later import may change.</summary>
public enum AuthorField
{
    Name,
    Orcid,
    Description,
    Affiliation,
    AffiliationDomain,
}
