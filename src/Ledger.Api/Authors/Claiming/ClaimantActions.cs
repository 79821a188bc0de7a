using System.Security.Claims;
using Ledger.Api.Commands;
using Ledger.Api.Hosting;
using Ledger.Domain.Authors.Claiming;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Authors.Claiming;

public sealed record AddEvidenceBody(string Kind, string Value, long? ExpectedVersion);

public sealed record ClaimantActionBody(long? ExpectedVersion);

/// <summary>
/// What a claimant does with its own claim: add evidence, withdraw it while pending, release it
/// once approved.
/// </summary>
public static class ClaimantActionEndpoints
{
    [WolverinePost("/api/authors/{id}/claims/{claimId}/evidence", OperationId = "AddClaimEvidence")]
    [Tags("Claims")]
    [Authorize(Policy = AuthSetup.Researcher)]
    [ProducesResponseType<ClaimResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> AddEvidence(string id, Guid claimId, AddEvidenceBody body, HttpRequest request,
        ClaimsPrincipal user, AuthorCommand command, CancellationToken ct) =>
        command.RunAsync(user, id, request, body.ExpectedVersion,
            (author, account, now) => ClaimantDecisions.AddEvidence(author, account, claimId,
                new SubmittedEvidence(body.Kind, body.Value), now),
            outcome => Results.Ok(ClaimResponse.From(outcome.After, claimId, outcome.Version)),
            ct);

    [WolverinePost("/api/authors/{id}/claims/{claimId}/withdraw", OperationId = "WithdrawClaim")]
    [Tags("Claims")]
    [Authorize(Policy = AuthSetup.Researcher)]
    [ProducesResponseType<ClaimResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Withdraw(string id, Guid claimId, ClaimantActionBody body, HttpRequest request,
        ClaimsPrincipal user, AuthorCommand command, CancellationToken ct) =>
        command.RunAsync(user, id, request, body.ExpectedVersion,
            (author, account, now) => ClaimantDecisions.Withdraw(author, account.Subject, claimId, now),
            outcome => Results.Ok(ClaimResponse.From(outcome.After, claimId, outcome.Version)),
            ct);

    [WolverinePost("/api/authors/{id}/claims/{claimId}/release", OperationId = "ReleaseClaim")]
    [Tags("Claims")]
    [Authorize(Policy = AuthSetup.Researcher)]
    [ProducesResponseType<ClaimResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Release(string id, Guid claimId, ClaimantActionBody body, HttpRequest request,
        ClaimsPrincipal user, AuthorCommand command, CancellationToken ct) =>
        command.RunAsync(user, id, request, body.ExpectedVersion,
            (author, account, now) => ClaimantDecisions.Release(author, account.Subject, claimId, now),
            outcome => Results.Ok(ClaimResponse.From(outcome.After, claimId, outcome.Version)),
            ct);
}
