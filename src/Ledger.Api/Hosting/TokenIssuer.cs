using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ledger.Api.Hosting;

/// <summary>
/// Signs tokens with the service's own key, for local use and tests. Production tokens come from
/// the identity provider, so the token command refuses to run in Production.
/// </summary>
public sealed class TokenIssuer(TokenSettings settings)
{
    /// <param name="email">A verified email address, as ORCID or the identity provider reports it.</param>
    /// <param name="orcid">An ORCID iD proven by ORCID sign-in.</param>
    public string Issue(string subject, IEnumerable<string> roles, TimeSpan lifetime, string? email = null,
        string? orcid = null)
    {
        var claims = new List<Claim> { new("sub", subject) };
        claims.AddRange(roles.Select(role => new Claim("role", role)));
        if (email is not null)
        {
            claims.Add(new Claim("email", email));
            claims.Add(new Claim("email_verified", "true", ClaimValueTypes.Boolean));
        }

        if (orcid is not null)
        {
            claims.Add(new Claim("orcid", orcid));
        }

        // The bearer handler checks lifetimes against the wall clock, not the ledger's TimeProvider.
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(settings.SigningKey, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
