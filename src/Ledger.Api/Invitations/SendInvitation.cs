using System.Security.Claims;
using Ledger.Api.Authors.Reading;
using Ledger.Api.Commands;
using Ledger.Api.Hosting;
using Ledger.Domain.Authors;
using Ledger.Domain.Invitations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace Ledger.Api.Invitations;

public sealed record SendInvitationBody(string? Message);

public static class SendInvitationEndpoint
{
    /// <summary>
    /// Invites the claimant of a record to collaborate. The sender's account and the record stay
    /// locked until the command commits, so the limits on pending invitations hold under concurrent
    /// sends, and a claim cannot end between the check and the send.
    /// </summary>
    [WolverinePost("/api/authors/{id}/invitations", OperationId = "SendInvitation")]
    [Tags("Invitations")]
    [Authorize(Policy = AuthSetup.Researcher)]
    [ProducesResponseType<InvitationResponse>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(string id, SendInvitationBody body, ClaimsPrincipal user,
        IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (sender, suspended) = await AccountSteps.SyncAsync(session, user, now, ct, exclusive: true);
        if (suspended is not null)
        {
            return suspended;
        }

        var authorId = await AuthorLookup.ResolveAsync(session, id, ct);
        var author = authorId is null
            ? null
            : (await session.Events.FetchForExclusiveWriting<Author>(authorId.Value, ct)).Aggregate;
        if (author is null)
        {
            session.EjectAllPendingChanges();
            return Problems.AuthorNotFound(id);
        }

        var sent = await session.Query<Invitation>()
            .Where(i => i.Sender == sender.Account.Subject && i.Status == InvitationStatus.Pending)
            .ToListAsync(ct);
        var invitationId = Guid.CreateVersion7();
        var decision = InvitationDecisions.Send(author, sender.Account, sent, body.Message, invitationId, now);
        if (decision.Rejection is { } rejection)
        {
            session.EjectAllPendingChanges();
            return CommandProblems.From(rejection);
        }

        session.Events.StartStream<Invitation>(invitationId, decision.Events);
        var invitation = Invitation.Create((InvitationSent)decision.Events[0]);
        await bus.ScheduleAsync(new ExpireInvitation(invitationId), invitation.ExpiresAt);
        return Results.Created(InvitationResponse.Location(invitationId), InvitationResponse.From(invitation, now));
    }
}
