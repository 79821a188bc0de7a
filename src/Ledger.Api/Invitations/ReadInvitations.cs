using System.Security.Claims;
using Ledger.Api.Authors.Reading;
using Ledger.Api.Hosting;
using Ledger.Domain.Authors;
using Ledger.Domain.Invitations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Invitations;

public sealed record InvitationList(IReadOnlyList<InvitationResponse> Invitations);

/// <summary>Invitations are private: their sender and the invited claimant read them, nobody else.</summary>
public static class ReadInvitationEndpoints
{
    [WolverineGet("/api/invitations/{invitationId}", OperationId = "GetInvitation")]
    [Tags("Invitations")]
    [Authorize(Policy = AuthSetup.Researcher)]
    [ProducesResponseType<InvitationResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid invitationId, ClaimsPrincipal user, IQuerySession session,
        TimeProvider clock, CancellationToken ct)
    {
        var invitation = await session.LoadAsync<Invitation>(invitationId, ct);
        return invitation is null || !AnswerInvitationEndpoints.CanSee(invitation, Subject(user))
            ? AnswerInvitationEndpoints.InvitationNotFound(invitationId)
            : Results.Ok(InvitationResponse.From(invitation, clock.GetUtcNow()));
    }

    /// <summary>Lists what the signed-in account sent, newest first.</summary>
    [WolverineGet("/api/invitations/sent", OperationId = "ListSentInvitations")]
    [Tags("Invitations")]
    [Authorize(Policy = AuthSetup.Researcher)]
    [ProducesResponseType<InvitationList>(StatusCodes.Status200OK)]
    public static async Task<IResult> Sent(ClaimsPrincipal user, IQuerySession session, TimeProvider clock,
        CancellationToken ct)
    {
        var subject = Subject(user);
        var sent = await session.Query<Invitation>().Where(i => i.Sender == subject)
            .OrderByDescending(i => i.SentAt).ToListAsync(ct);
        return Results.Ok(List(sent, clock));
    }

    /// <summary>Lists what a record's claimant received, newest first; only that claimant may read it.</summary>
    [WolverineGet("/api/authors/{id}/invitations", OperationId = "ListReceivedInvitations")]
    [Tags("Invitations")]
    [Authorize(Policy = AuthSetup.Researcher)]
    [ProducesResponseType<InvitationList>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Received(string id, ClaimsPrincipal user, IQuerySession session,
        TimeProvider clock, CancellationToken ct)
    {
        var authorId = await AuthorLookup.ResolveAsync(session, id, ct);
        var author = authorId is null
            ? null
            : await session.Events.AggregateStreamAsync<Author>(authorId.Value, token: ct);
        if (author is null)
        {
            return Problems.AuthorNotFound(id);
        }

        var subject = Subject(user);
        if (author.Claimant != subject)
        {
            return Problems.Rule(StatusCodes.Status403Forbidden, "not-claimant", "Not the claimant",
                $"Only the claimant of {author.ExternalId} reads its invitations; {subject} is not.", subject);
        }

        var received = await session.Query<Invitation>()
            .Where(i => i.AuthorId == author.Id && i.Claimant == subject)
            .OrderByDescending(i => i.SentAt).ToListAsync(ct);
        return Results.Ok(List(received, clock));
    }

    private static InvitationList List(IEnumerable<Invitation> invitations, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return new InvitationList(invitations.Select(i => InvitationResponse.From(i, now)).ToList());
    }

    private static string Subject(ClaimsPrincipal user) => Commands.Actor.Subject(user);
}
