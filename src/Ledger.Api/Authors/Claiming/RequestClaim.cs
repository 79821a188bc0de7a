using System.Security.Claims;
using Ledger.Api.Commands;
using Ledger.Api.Hosting;
using Ledger.Domain.Authors.Claiming;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Authors.Claiming;

/// <param name="Evidence">Links or statements for a verifier; strong evidence comes from the token instead.</param>
/// <param name="ExpectedVersion">The record version the claimant read; a stale one gets 409.</param>
public sealed record RequestClaimBody(IReadOnlyList<SubmittedEvidence>? Evidence, long? ExpectedVersion);

public static class RequestClaimEndpoint
{
    /// <summary>
    /// Claims a record for the signed-in account. Strong evidence in the token approves the claim
    /// at once; a claim while another account's is in force opens a dispute.
    /// </summary>
    [WolverinePost("/api/authors/{id}/claims", OperationId = "RequestClaim")]
    [Tags("Claims")]
    [Authorize(Policy = AuthSetup.Researcher)]
    [ProducesResponseType<ClaimResponse>(StatusCodes.Status201Created)]
    public static Task<IResult> Post(string id, RequestClaimBody body, HttpRequest request, ClaimsPrincipal user,
        AuthorCommand command, CancellationToken ct)
    {
        var claimId = Guid.CreateVersion7();
        return command.RunAsync(user, id, request, body.ExpectedVersion,
            (author, account, now) => ClaimantDecisions.Request(author, account, body.Evidence ?? [], claimId,
                Guid.CreateVersion7(), now),
            outcome => Results.Created(ClaimResponse.Location(outcome.After, claimId),
                ClaimResponse.From(outcome.After, claimId, outcome.Version)),
            ct);
    }
}
