using Ledger.Domain.Trust;
using Ledger.Projections;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Authors.Reading;

/// <summary>A trust score with each factor's points and reason, the policy version and the evaluation time.</summary>
public sealed record TrustResponse(
    Guid AuthorId,
    string ExternalId,
    int Score,
    string Band,
    string PolicyVersion,
    DateTimeOffset EvaluatedAt,
    IReadOnlyList<TrustFactor> Factors)
{
    public static TrustResponse From(AuthorTrust trust) =>
        new(trust.Id, trust.ExternalId, trust.Evaluation.Score, trust.Evaluation.Band, trust.Evaluation.PolicyVersion,
            trust.Evaluation.EvaluatedAt, trust.Evaluation.Factors);
}

public static class GetTrustEndpoint
{
    [WolverineGet("/api/authors/{id}/trust", OperationId = "GetTrust")]
    [Tags("Trust")]
    [ProducesResponseType<TrustResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken ct)
    {
        var trust = await AuthorLookup.LoadAsync<AuthorTrust>(session, id, ct);
        return trust is null ? Problems.AuthorNotFound(id) : Results.Ok(TrustResponse.From(trust));
    }
}
