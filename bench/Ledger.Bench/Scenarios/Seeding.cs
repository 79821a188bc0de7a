using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Ledger.Bench.Data;
using Ledger.Bench.Infrastructure;
using Ledger.Bench.Load;
using Ledger.Bench.Reporting;

namespace Ledger.Bench.Scenarios;

/// <summary>
/// Builds the data of the HTTP scenarios through the ledger's own endpoints: imports, follows,
/// claims, verifier approvals and, when the API has them, invitations.
/// </summary>
public static class Seeding
{
    private const int ImportConcurrency = 2;
    private const int FollowConcurrency = 16;
    private const int ClaimConcurrency = 8;
    private static readonly TimeSpan StepTimeLimit = TimeSpan.FromMinutes(3);

    public static async Task RunAsync(BenchContext context, RunningApi api, ApiFeatures features, CancellationToken ct)
    {
        var plan = context.Plan;
        var client = api.Client;

        var bodies = plan.ImportBodies();
        var imports = await ClosedLoop.RunAsync(bodies.Count, ImportConcurrency, StepTimeLimit,
            async (i, token) => (await client.ImportAsync(bodies[i], context.Tokens.Admin, token)).Status
                .ToString(CultureInfo.InvariantCulture), ct);
        Require(imports, "200", "import");
        context.Table.Add(new ResultRow("setup", "POST /api/imports, 500 records a request")
        {
            Count = $"{plan.Records:N0} records",
            Rate = $"{Format.Number(plan.Records / imports.Elapsed.TotalSeconds)} records/s",
            Note = $"{ImportConcurrency} requests at a time; one transaction per record",
        });
        context.Log($"imported {plan.Records} records in {Format.Seconds(imports.Elapsed)}");

        var follows = await ClosedLoop.RunAsync(plan.Followers, FollowConcurrency, StepTimeLimit,
            (i, token) => FollowAllAsync(client, context.Tokens, plan, i, token), ct);
        Require(follows, "200", "follow");
        context.Log($"{plan.Followers} accounts followed {plan.FollowCount} times, {plan.HotFollowers} of them the hot "
            + $"record, in {Format.Seconds(follows.Elapsed)}");

        var approved = new ConcurrentBag<int>();
        var pending = new ConcurrentBag<(int Record, Guid ClaimId)>();
        var claims = await ClosedLoop.RunAsync(plan.Claims.Count, ClaimConcurrency, StepTimeLimit,
            (i, token) => ClaimAsync(client, context.Tokens, plan.Claims[i], approved, pending, token), ct);
        var toApprove = pending.ToArray();
        var approvals = await ClosedLoop.RunAsync(toApprove.Length, ClaimConcurrency, StepTimeLimit,
            async (i, token) =>
            {
                var (record, claimId) = toApprove[i];
                var status = await client.ApproveAsync(DataPlan.AuthorId(record), claimId, context.Tokens.Verifier,
                    token);
                if (status == 200)
                {
                    approved.Add(record);
                }

                return status.ToString(CultureInfo.InvariantCulture);
            }, ct);
        context.Log($"claims: {Describe(claims)}; verifier approvals: {Describe(approvals)}");

        if (features.Invitations && !approved.IsEmpty)
        {
            var targets = approved.Distinct().Order().ToArray();
            var invitations = await ClosedLoop.RunAsync(Math.Min(context.Options.Invitations, plan.Followers),
                ClaimConcurrency, StepTimeLimit,
                async (i, token) => (await client.InviteAsync(DataPlan.AuthorId(targets[i % targets.Length]),
                    context.Tokens.Researcher(DataPlan.FollowerSubject(i)), "Would you review our draft on kernels?",
                    token)).ToString(CultureInfo.InvariantCulture), ct);
            context.Log($"invitations: {Describe(invitations)}");
        }
        else
        {
            context.Log(
                "invitations: skipped, the API has no POST /api/authors/{id}/invitations or no record is claimed");
        }

        var wait = await context.Postgres.WaitForProjectionsAsync(BenchContext.LedgerDatabase,
            TimeSpan.FromMinutes(3), ct);
        var events = await context.Postgres.EventCountAsync(BenchContext.LedgerDatabase, ct);
        context.Log(
            $"the views caught up {Format.Seconds(wait)} after the last command; the ledger has {events:N0} events");
    }

    private static async Task<string> FollowAllAsync(LedgerClient client, Tokens tokens, DataPlan plan, int follower,
        CancellationToken ct)
    {
        var token = tokens.Researcher(DataPlan.FollowerSubject(follower));
        foreach (var record in plan.Follows[follower])
        {
            var status = await client.FollowAsync(DataPlan.AuthorId(record), token, ct);
            if (status != 200)
            {
                return status.ToString(CultureInfo.InvariantCulture);
            }
        }

        return "200";
    }

    private static async Task<string> ClaimAsync(LedgerClient client, Tokens tokens, PlannedClaim claim,
        ConcurrentBag<int> approved, ConcurrentBag<(int, Guid)> pending, CancellationToken ct)
    {
        var token = claim.WithOrcid
            ? tokens.ResearcherWithOrcid(claim.Claimant, DataPlan.Orcid(claim.Record)!)
            : tokens.Researcher(claim.Claimant);
        var result = await client.ClaimAsync(DataPlan.AuthorId(claim.Record), token,
            $"https://example.org/people/{claim.Claimant}", ct);
        switch (result.ClaimStatus)
        {
            case "approved":
                approved.Add(claim.Record);
                break;
            case "pending":
                pending.Add((claim.Record, result.ClaimId!.Value));
                break;
        }

        return result.ClaimStatus is null
            ? result.Status.ToString(CultureInfo.InvariantCulture)
            : $"{result.Status.ToString(CultureInfo.InvariantCulture)} {result.ClaimStatus}";
    }

    private static string Describe(LoadRun run) =>
        run.Results.Length == 0
            ? "none"
            : string.Join(", ", run.Outcomes().Select(o => $"{o.Value} × {o.Key}"));

    private static void Require(LoadRun run, string outcome, string step)
    {
        var outcomes = run.Outcomes();
        if (run.TimedOut || outcomes.Keys.Any(k => k != outcome))
        {
            throw new InvalidOperationException(
                $"Seeding step '{step}' failed: {JsonSerializer.Serialize(outcomes)}"
                + (run.TimedOut ? $", stopped at the {StepTimeLimit.TotalMinutes:0}-minute limit" : "")
                + "; see the API log in the log folder.");
        }
    }
}
