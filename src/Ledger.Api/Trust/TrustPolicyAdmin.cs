using System.Security.Claims;
using Ledger.Api.Hosting;
using Ledger.Domain.Trust;
using Ledger.Projections;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Trust;

/// <summary>One record whose trust would change under another policy, with old and new values.</summary>
public sealed record PolicyChange(Guid AuthorId, string ExternalId, int LiveScore, string LiveBand, int NewScore,
    string NewBand);

public sealed record PolicyDryRun(string LivePolicy, string Policy, int RecordsCompared,
    IReadOnlyList<PolicyChange> Changes);

public sealed record SwitchPolicyBody(string? Version);

public static class TrustPolicyAdminEndpoints
{
    /// <summary>
    /// Lists every record whose score or band differs between the live policy and <c>policy</c>,
    /// evaluated on the same facts at the same time. Nothing is written.
    /// </summary>
    [WolverineGet("/api/admin/trust-policy/dry-run", OperationId = "DryRunTrustPolicy")]
    [Tags("Admin")]
    [Authorize(Policy = AuthSetup.Admin)]
    [ProducesResponseType<PolicyDryRun>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> DryRun(IQuerySession session, CancellationToken ct, string? policy = null)
    {
        if (string.IsNullOrWhiteSpace(policy))
        {
            return Problems.Rule(StatusCodes.Status400BadRequest, "policy-required", "Policy required",
                "The dry run needs ?policy= with the version to compare against the live policy, such as v2.",
                policy);
        }

        var (version, unknown) = await LiveTrustPolicy.ResolveAsync(session, policy, ct);
        if (unknown is not null)
        {
            return unknown;
        }

        var live = await LiveTrustPolicy.VersionAsync(session, ct);
        var candidate = TrustPolicies.Find(version!)!;
        var compared = 0;
        var changes = new List<PolicyChange>();
        await foreach (var profile in session.Query<AuthorProfile>().ToAsyncEnumerable(ct))
        {
            compared++;
            var current = profile.TrustByPolicy[live];
            var next = candidate.Evaluate(profile.Facts, current.EvaluatedAt);
            if (next.Score != current.Score || next.Band != current.Band)
            {
                changes.Add(new PolicyChange(profile.Id, profile.ExternalId, current.Score, current.Band, next.Score,
                    next.Band));
            }
        }

        return Results.Ok(new PolicyDryRun(live, candidate.Version, compared, changes));
    }

    /// <summary>
    /// Makes a registered policy the live one. Each record's view already contains every registered policy's
    /// evaluation, so reads switch at once and keep working throughout.
    /// </summary>
    [WolverinePost("/api/admin/trust-policy", OperationId = "SwitchTrustPolicy")]
    [Tags("Admin")]
    [Authorize(Policy = AuthSetup.Admin)]
    [ProducesResponseType<LiveTrustPolicySetting>(StatusCodes.Status200OK)]
    public static async Task<IResult> Switch(SwitchPolicyBody body, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var (version, unknown) = await LiveTrustPolicy.ResolveAsync(session, body.Version ?? "", ct);
        if (unknown is not null || string.IsNullOrWhiteSpace(body.Version))
        {
            return unknown ?? Problems.Rule(StatusCodes.Status400BadRequest, "policy-required", "Policy required",
                "The body needs the version of a registered policy, such as \"v2\".", body.Version);
        }

        var setting = new LiveTrustPolicySetting(LiveTrustPolicySetting.SingletonId, version!,
            Commands.Actor.Subject(user), clock.GetUtcNow());
        session.Store(setting);
        return Results.Ok(setting);
    }
}
