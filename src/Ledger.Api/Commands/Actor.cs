using System.Security.Claims;
using Ledger.Domain.Accounts;

namespace Ledger.Api.Commands;

public static class Actor
{
    /// <summary>Reads the evidence a validated token proves: its subject, a verified email and an ORCID iD.</summary>
    public static TokenEvidence Evidence(ClaimsPrincipal user)
    {
        var subject = user.FindFirstValue("sub")
            ?? throw new InvalidOperationException("An authenticated request carries no 'sub' claim.");
        var emailVerified = string.Equals(user.FindFirstValue("email_verified"), "true",
            StringComparison.OrdinalIgnoreCase);
        return new TokenEvidence(subject, emailVerified ? user.FindFirstValue("email") : null,
            user.FindFirstValue("orcid"));
    }

    public static string Subject(ClaimsPrincipal user) => Evidence(user).Subject;
}
