using JasperFx.CommandLine;

namespace Ledger.Api.Hosting;

public sealed class TokenInput : NetCoreInput
{
    [Description("The account id that the token's subject names")]
    public string Subject { get; set; } = "";

    [Description("Roles of the token: researcher, verifier or admin; repeat the flag for several")]
    [FlagAlias("role", 'r')]
    public List<string> RoleFlag { get; set; } = [];

    [Description("A verified email address carried by the token")]
    [FlagAlias("email")]
    public string? EmailFlag { get; set; }

    [Description("An ORCID iD carried by the token, as if proven by ORCID sign-in")]
    [FlagAlias("orcid")]
    public string? OrcidFlag { get; set; }

    [Description("Lifetime of the token in hours")]
    [FlagAlias("hours")]
    public int HoursFlag { get; set; } = 8;
}

[Description("Prints a signed bearer token for any subject and role; refused in Production", Name = "token")]
public sealed class TokenCommand : JasperFxAsyncCommand<TokenInput>
{
    public override async Task<bool> Execute(TokenInput input)
    {
        using var host = input.BuildHost();
        var environment = host.Services.GetRequiredService<IHostEnvironment>();
        if (environment.IsProduction())
        {
            await Console.Error.WriteLineAsync(
                "The token command is disabled in Production, where tokens come from the identity provider.");
            return false;
        }

        var roles = input.RoleFlag.Count == 0 ? [AuthSetup.Researcher] : input.RoleFlag;
        var issuer = host.Services.GetRequiredService<TokenIssuer>();
        Console.WriteLine(issuer.Issue(input.Subject, roles, TimeSpan.FromHours(input.HoursFlag), input.EmailFlag,
            input.OrcidFlag));
        return true;
    }
}
