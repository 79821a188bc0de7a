using System.Security.Claims;
using Ledger.Api.Commands;
using Ledger.Api.Hosting;
using Ledger.Domain;
using Ledger.Domain.Authors;
using Ledger.Domain.Invitations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Invitations;

/// <summary>The target's claimant accepts or declines an invitation; its sender withdraws it.</summary>
public static class AnswerInvitationEndpoints
{
    [WolverinePost("/api/invitations/{invitationId}/accept", OperationId = "AcceptInvitation")]
    [Tags("Invitations")]
    [Authorize(Policy = AuthSetup.Researcher)]
    [ProducesResponseType<InvitationResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Accept(Guid invitationId, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, CancellationToken ct) =>
        RunAsync(invitationId, user, session, clock, InvitationDecisions.Accept, ct);

    [WolverinePost("/api/invitations/{invitationId}/decline", OperationId = "DeclineInvitation")]
    [Tags("Invitations")]
    [Authorize(Policy = AuthSetup.Researcher)]
    [ProducesResponseType<InvitationResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Decline(Guid invitationId, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, CancellationToken ct) =>
        RunAsync(invitationId, user, session, clock, InvitationDecisions.Decline, ct);

    [WolverinePost("/api/invitations/{invitationId}/withdraw", OperationId = "WithdrawInvitation")]
    [Tags("Invitations")]
    [Authorize(Policy = AuthSetup.Researcher)]
    [ProducesResponseType<InvitationResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Withdraw(Guid invitationId, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, CancellationToken ct) =>
        RunAsync(invitationId, user, session, clock, InvitationDecisions.Withdraw, ct);

    private static async Task<IResult> RunAsync(Guid invitationId, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, Func<Invitation, Author, string, DateTimeOffset, Decision<IInvitationEvent>> decide,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (actor, suspended) = await AccountSteps.SyncAsync(session, user, now, ct);
        if (suspended is not null)
        {
            return suspended;
        }

        var stream = await session.Events.FetchForExclusiveWriting<Invitation>(invitationId, ct);
        var invitation = stream.Aggregate;
        if (invitation is null || !CanSee(invitation, actor.Account.Subject))
        {
            session.EjectAllPendingChanges();
            return InvitationNotFound(invitationId);
        }

        var target = await session.Events.AggregateStreamAsync<Author>(invitation.AuthorId, token: ct);
        var decision = decide(invitation, target!, actor.Account.Subject, now);
        if (decision.Rejection is { } rejection)
        {
            session.EjectAllPendingChanges();
            return CommandProblems.From(rejection);
        }

        stream.AppendMany(decision.Events);
        var after = decision.Events.Aggregate(invitation, (current, e) => current.ApplyEvent(e));
        return Results.Ok(InvitationResponse.From(after, now));
    }

    /// <summary>Only the sender and the invited claimant see an invitation; to others it does not exist.</summary>
    public static bool CanSee(Invitation invitation, string subject) =>
        subject == invitation.Sender || subject == invitation.Claimant;

    public static IResult InvitationNotFound(Guid invitationId) =>
        Problems.Rule(StatusCodes.Status404NotFound, "invitation-not-found", "Invitation not found",
            $"No invitation {invitationId} is visible to this account.", invitationId);
}
