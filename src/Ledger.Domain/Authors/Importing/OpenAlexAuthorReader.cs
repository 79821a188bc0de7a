using Ledger.Domain.Identifiers;

namespace Ledger.Domain.Authors.Importing;

internal static class OpenAlexAuthorReader
{
    /// <summary>Reads an OpenAlex author object; returns null when a field is invalid.</summary>
    public static AuthorDetails? Read(FieldReader reader)
    {
        var name = reader.RequiredString("display_name");
        var orcidText = reader.OptionalString("orcid");
        string? orcid = null;
        if (orcidText is not null)
        {
            if (Orcid.TryParse(orcidText, out var parsed))
            {
                orcid = parsed.Value.Value;
            }
            else
            {
                reader.Problem("orcid", $"'{orcidText}' is not a valid ORCID iD (16 characters, ISO 7064 check digit)");
            }
        }

        var (affiliation, domain) = ReadAffiliation(reader);
        string? description = null;
        var openToCollaborate = false;
        var profile = reader.Property("x_profile");
        if (profile is not null)
        {
            var profileReader = reader.Nested(profile.Value, "x_profile");
            description = profileReader.OptionalString("description");
            openToCollaborate = profileReader.OptionalBool("open_to_collaborate") ?? false;
        }

        if (reader.HasProblems || name is null)
        {
            return null;
        }

        return new AuthorDetails(name.Trim(), orcid, description, affiliation, openToCollaborate, domain);
    }

    /// <summary>
    /// Reads the first of the last known institutions, as OpenAlex orders them, with the host of
    /// its homepage ("www." removed) as the domain that verified email addresses are matched to.
    /// </summary>
    private static (string? Name, string? Domain) ReadAffiliation(FieldReader reader)
    {
        var institutions = reader.OptionalArray("last_known_institutions");
        if (institutions.Count == 0)
        {
            return (null, null);
        }

        var institution = reader.Nested(institutions[0], "last_known_institutions[0]");
        var name = institution.RequiredString("display_name");
        var homepage = institution.OptionalString("homepage_url");
        if (homepage is null)
        {
            return (name, null);
        }

        if (!Uri.TryCreate(homepage, UriKind.Absolute, out var url) || url.Host.Length == 0)
        {
            institution.Problem("homepage_url", $"'{homepage}' is not an absolute URL");
            return (name, null);
        }

        var host = url.Host.ToLowerInvariant();
        return (name, host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host);
    }
}
