using Ledger.Domain.Trust;
using Marten;

namespace Ledger.Api.Trust;

/// <summary>The stored choice of the policy whose evaluations the reads show.</summary>
public sealed record LiveTrustPolicySetting(string Id, string Version, string ChosenBy, DateTimeOffset ChosenAt)
{
    public const string SingletonId = "live";
}

public static class LiveTrustPolicy
{
    /// <summary>Returns the live policy's version: the stored choice, or the default policy.</summary>
    public static async Task<string> VersionAsync(IQuerySession session, CancellationToken ct)
    {
        var setting = await session.LoadAsync<LiveTrustPolicySetting>(LiveTrustPolicySetting.SingletonId, ct);
        return setting?.Version ?? TrustPolicies.Default.Version;
    }

    /// <summary>Resolves a requested policy version, or the live one when none is requested.</summary>
    public static async Task<(string? Version, IResult? Problem)> ResolveAsync(IQuerySession session, string? requested,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return (await VersionAsync(session, ct), null);
        }

        return TrustPolicies.Find(requested) is { } policy
            ? (policy.Version, null)
            : (null, Problems.Rule(StatusCodes.Status400BadRequest, "policy-unknown", "Unknown trust policy",
                $"No trust policy has the version '{requested}'. Registered: "
                + string.Join(", ", TrustPolicies.All.Select(p => p.Version)) + ".", requested));
    }
}
