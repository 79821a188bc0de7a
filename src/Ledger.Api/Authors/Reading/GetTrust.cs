using Ledger.Api.Trust;
using Ledger.Domain.Trust;
using Ledger.Projections;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Authors.Reading;

/// <summary>A trust score with each factor's points and reason, the policy version and the evaluation time.</summary>
/// <param name="AsOf">True when the answer was replayed for a past time or version rather than read live.</param>
public sealed record TrustResponse(
    Guid AuthorId,
    string ExternalId,
    int Score,
    string Band,
    string PolicyVersion,
    DateTimeOffset EvaluatedAt,
    IReadOnlyList<TrustFactor> Factors,
    bool AsOf)
{
    public static TrustResponse From(AuthorProfile trust, TrustEvaluation evaluation, bool asOf) =>
        new(trust.Id, trust.ExternalId, evaluation.Score, evaluation.Band, evaluation.PolicyVersion,
            evaluation.EvaluatedAt, evaluation.Factors, asOf);
}

public static class GetTrustEndpoint
{
    /// <summary>
    /// Returns a record's trust under the live policy, or under <c>policy</c>. With <c>at</c> (a
    /// time) or <c>version</c> (a version of the record's stream) it replays the events up to that
    /// point and evaluates at that time, so the same question always gets the same answer.
    /// </summary>
    [WolverineGet("/api/authors/{id}/trust", OperationId = "GetTrust")]
    [Tags("Trust")]
    [ProducesResponseType<TrustResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken ct,
        DateTimeOffset? at = null, long? version = null, string? policy = null)
    {
        var (policyVersion, unknown) = await LiveTrustPolicy.ResolveAsync(session, policy, ct);
        if (unknown is not null)
        {
            return unknown;
        }

        if (at is null && version is null)
        {
            var profile = await AuthorLookup.LoadAsync<AuthorProfile>(session, id, ct);
            return profile is null
                ? Problems.AuthorNotFound(id)
                : Results.Ok(TrustResponse.From(profile, profile.TrustByPolicy[policyVersion!], asOf: false));
        }

        var authorId = await AuthorLookup.ResolveAsync(session, id, ct);
        var replayed = authorId is null ? null : await TrustAsOf.ReplayAsync(session, authorId.Value, at, version, ct);
        if (replayed is not { } found)
        {
            return Problems.Rule(StatusCodes.Status404NotFound, "author-not-found-at", "Author not found then",
                $"Record '{id}' did not exist at {(at is null ? $"version {version}" : at.Value.ToString("O"))}.", id);
        }

        var evaluation = TrustPolicies.Find(policyVersion!)!.Evaluate(found.View.Facts, found.EvaluateAt);
        return Results.Ok(TrustResponse.From(found.View, evaluation, asOf: true));
    }
}
