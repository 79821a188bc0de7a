using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ledger.Bench.Infrastructure;

/// <summary>
/// Signs HS256 bearer tokens that the ledger API accepts in Development: issuer and audience
/// "ledger", the account id in "sub" and the roles in "role".
/// </summary>
public sealed class TokenSigner(string signingKey)
{
    private const string IssuerAndAudience = "ledger";

    private readonly SigningCredentials credentials =
        new(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256);

    private readonly JsonWebTokenHandler handler = new();

    /// <summary>Reads Ledger:Auth:SigningKey from the API's appsettings.Development.json.</summary>
    public static TokenSigner FromDevelopmentSettings(string settingsPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(settingsPath));
        var key = document.RootElement.GetProperty("Ledger").GetProperty("Auth").GetProperty("SigningKey").GetString();
        if (string.IsNullOrEmpty(key))
        {
            throw new InvalidOperationException($"Ledger:Auth:SigningKey is missing in {settingsPath}.");
        }

        return new TokenSigner(key);
    }

    /// <param name="orcid">An ORCID iD that the token carries, as if proven by ORCID sign-in.</param>
    public string Issue(string subject, IReadOnlyCollection<string> roles, string? orcid = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["role"] = roles.ToArray() };
        if (orcid is not null)
        {
            claims["orcid"] = orcid;
        }

        var now = DateTime.UtcNow;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            Issuer = IssuerAndAudience,
            Audience = IssuerAndAudience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(2),
            SigningCredentials = credentials,
        });
    }
}
