using Ledger.Domain.Verification;
using Ledger.Projections;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Authors.Reading;

/// <summary>The tier of a record, why, the strong evidence behind it and when that evidence expires.</summary>
public sealed record VerificationResponse(
    Guid AuthorId,
    string ExternalId,
    string Tier,
    string Reason,
    bool HasPersistentIdentifier,
    StrongEvidence? Evidence,
    bool Attested,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset EvaluatedAt)
{
    public static VerificationResponse From(AuthorProfile view) =>
        new(view.Id, view.ExternalId, view.Tier.Tier.ToString(), view.Tier.Reason,
            view.Facts.Tier.HasPersistentIdentifier, view.Facts.Tier.ApprovedClaimEvidence, view.Facts.Tier.Attested,
            view.Tier.ExpiresAt, view.Record.UpdatedAt);
}

public static class GetVerificationEndpoint
{
    [WolverineGet("/api/authors/{id}/verification", OperationId = "GetVerification")]
    [Tags("Verification")]
    [ProducesResponseType<VerificationResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken ct)
    {
        var view = await AuthorLookup.LoadAsync<AuthorProfile>(session, id, ct);
        return view is null ? Problems.AuthorNotFound(id) : Results.Ok(VerificationResponse.From(view));
    }
}
