using System.Security.Claims;
using Ledger.Api.Commands;
using Ledger.Api.Hosting;
using Ledger.Domain.Authors.Claiming;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Authors.Claiming;

public sealed record AttestationBody(string? Statement, long? ExpectedVersion);

/// <summary>A verifier's decisions on one claim. Each states a reason, and nobody decides their own claim.</summary>
public static class VerifierActionEndpoints
{
    [WolverinePost("/api/authors/{id}/claims/{claimId}/approve", OperationId = "ApproveClaim")]
    [Tags("Verification")]
    [Authorize(Policy = AuthSetup.Verifier)]
    [ProducesResponseType<ClaimResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Approve(string id, Guid claimId, VerifierDecisionBody body, HttpRequest request,
        ClaimsPrincipal user, AuthorCommand command, CancellationToken ct) =>
        command.RunAsync(user, id, request, body.ExpectedVersion,
            (author, account, now) => VerifierDecisions.Approve(author, account.Subject, claimId, body.Reason, now),
            outcome => Results.Ok(ClaimResponse.From(outcome.After, claimId, outcome.Version)),
            ct);

    [WolverinePost("/api/authors/{id}/claims/{claimId}/reject", OperationId = "RejectClaim")]
    [Tags("Verification")]
    [Authorize(Policy = AuthSetup.Verifier)]
    [ProducesResponseType<ClaimResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Reject(string id, Guid claimId, VerifierDecisionBody body, HttpRequest request,
        ClaimsPrincipal user, AuthorCommand command, CancellationToken ct) =>
        command.RunAsync(user, id, request, body.ExpectedVersion,
            (author, account, now) => VerifierDecisions.RejectClaim(author, account.Subject, claimId, body.Reason, now),
            outcome => Results.Ok(ClaimResponse.From(outcome.After, claimId, outcome.Version)),
            ct);

    [WolverinePost("/api/authors/{id}/claims/{claimId}/revoke", OperationId = "RevokeClaim")]
    [Tags("Verification")]
    [Authorize(Policy = AuthSetup.Verifier)]
    [ProducesResponseType<ClaimResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Revoke(string id, Guid claimId, VerifierDecisionBody body, HttpRequest request,
        ClaimsPrincipal user, AuthorCommand command, CancellationToken ct) =>
        command.RunAsync(user, id, request, body.ExpectedVersion,
            (author, account, now) => VerifierDecisions.Revoke(author, account.Subject, claimId, body.Reason, now),
            outcome => Results.Ok(ClaimResponse.From(outcome.After, claimId, outcome.Version)),
            ct);

    /// <summary>Records an attestation of an approved claim, which raises an L2 record to L3.</summary>
    [WolverinePost("/api/authors/{id}/claims/{claimId}/attestations", OperationId = "RecordAttestation")]
    [Tags("Verification")]
    [Authorize(Policy = AuthSetup.Verifier)]
    [ProducesResponseType<ClaimResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Attest(string id, Guid claimId, AttestationBody body, HttpRequest request,
        ClaimsPrincipal user, AuthorCommand command, CancellationToken ct) =>
        command.RunAsync(user, id, request, body.ExpectedVersion,
            (author, account, now) => VerifierDecisions.Attest(author, account.Subject, claimId, body.Statement, now),
            outcome => Results.Ok(ClaimResponse.From(outcome.After, claimId, outcome.Version)),
            ct);
}
