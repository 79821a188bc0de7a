using System.Collections.Concurrent;

namespace Ledger.Bench.Infrastructure;

/// <summary>Signed tokens by account, made once so that signing stays out of the measured requests.</summary>
public sealed class Tokens(TokenSigner signer)
{
    private static readonly string[] ResearcherRoles = ["researcher"];
    private static readonly string[] VerifierRoles = ["researcher", "verifier"];
    private static readonly string[] AdminRoles = ["admin"];

    private readonly ConcurrentDictionary<string, string> bySubject = new(StringComparer.Ordinal);

    public string Admin => bySubject.GetOrAdd("bench-admin", s => signer.Issue(s, AdminRoles));

    public string Verifier => bySubject.GetOrAdd("bench-verifier", s => signer.Issue(s, VerifierRoles));

    public string Researcher(string subject) => bySubject.GetOrAdd(subject, s => signer.Issue(s, ResearcherRoles));

    /// <summary>A researcher token that proves an ORCID iD; not cached, because the same account may prove another
    /// iD.</summary>
    public string ResearcherWithOrcid(string subject, string orcid) => signer.Issue(subject, ResearcherRoles, orcid);
}
