using System.Security.Claims;
using Ledger.Api.Commands;
using Ledger.Api.Hosting;
using Ledger.Domain.Authors.Claiming;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Authors.Claiming;

public sealed record SetCollaborationBody(bool Open, long? ExpectedVersion);

public sealed record CollaborationResponse(Guid AuthorId, bool OpenToCollaborate, long RecordVersion);

public static class SetCollaborationEndpoint
{
    /// <summary>The claimant opens or closes the record to direct invitations; later imports keep the choice.</summary>
    [WolverinePost("/api/authors/{id}/collaboration", OperationId = "SetCollaboration")]
    [Tags("Invitations")]
    [Authorize(Policy = AuthSetup.Researcher)]
    [ProducesResponseType<CollaborationResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(string id, SetCollaborationBody body, HttpRequest request, ClaimsPrincipal user,
        AuthorCommand command, CancellationToken ct) =>
        command.RunAsync(user, id, request, body.ExpectedVersion,
            (author, account, now) => ClaimantDecisions.SetCollaboration(author, account.Subject, body.Open, now),
            outcome => Results.Ok(new CollaborationResponse(outcome.After.Id, outcome.After.Details.OpenToCollaborate,
                outcome.Version)),
            ct);
}
