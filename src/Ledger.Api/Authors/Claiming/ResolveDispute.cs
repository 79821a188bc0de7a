using System.Security.Claims;
using Ledger.Api.Commands;
using Ledger.Api.Hosting;
using Ledger.Domain.Authors.Claiming;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Authors.Claiming;

/// <param name="InFavourOf">
/// "incumbent" keeps the claim in force; "challenger" ends it and approves the challenger.
/// </param>
public sealed record ResolveDisputeBody(DisputeOutcome InFavourOf, string? Reason, long? ExpectedVersion);

public sealed record DisputeResponse(Guid DisputeId, Guid AuthorId, bool Open, ClaimResponse Incumbent,
    ClaimResponse Challenger);

public static class ResolveDisputeEndpoint
{
    [WolverinePost("/api/authors/{id}/disputes/{disputeId}/resolve", OperationId = "ResolveDispute")]
    [Tags("Verification")]
    [Authorize(Policy = AuthSetup.Verifier)]
    [ProducesResponseType<DisputeResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(string id, Guid disputeId, ResolveDisputeBody body, HttpRequest request,
        ClaimsPrincipal user, AuthorCommand command, CancellationToken ct) =>
        command.RunAsync(user, id, request, body.ExpectedVersion,
            (author, account, now) => VerifierDecisions.ResolveDispute(author, account.Subject, disputeId,
                body.InFavourOf, body.Reason, now),
            outcome =>
            {
                var dispute = outcome.After.Disputes[disputeId];
                return Results.Ok(new DisputeResponse(disputeId, outcome.After.Id, dispute.Open,
                    ClaimResponse.From(outcome.After, dispute.IncumbentClaimId, outcome.Version),
                    ClaimResponse.From(outcome.After, dispute.ChallengerClaimId, outcome.Version)));
            },
            ct);
}
