using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Ledger.Api.Hosting;

/// <summary>
/// Bearer tokens are issued elsewhere: the subject is the account id and roles are "role" claims.
/// </summary>
public static class AuthSetup
{
    public const string Researcher = "researcher";
    public const string Verifier = "verifier";
    public const string Admin = "admin";

    public static void AddLedgerAuthentication(this WebApplicationBuilder builder)
    {
        var settings = TokenSettings.From(builder.Configuration);

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = settings.SigningKey,
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Researcher, policy => policy.RequireRole(Researcher, Verifier, Admin))
            .AddPolicy(Verifier, policy => policy.RequireRole(Verifier))
            .AddPolicy(Admin, policy => policy.RequireRole(Admin));
    }
}

/// <summary>Issuer, audience and HMAC-SHA256 signing key of accepted tokens, from the "Ledger:Auth" section.</summary>
public sealed record TokenSettings(string Issuer, string Audience, SymmetricSecurityKey SigningKey)
{
    public static TokenSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Ledger:Auth");
        var key = section["SigningKey"];
        if (string.IsNullOrEmpty(key) || Encoding.UTF8.GetByteCount(key) < 32)
        {
            throw new InvalidOperationException(
                "Ledger:Auth:SigningKey is missing or shorter than 32 bytes: set Ledger__Auth__SigningKey.");
        }

        return new TokenSettings(
            section["Issuer"] ?? "ledger",
            section["Audience"] ?? "ledger",
            new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)));
    }
}
