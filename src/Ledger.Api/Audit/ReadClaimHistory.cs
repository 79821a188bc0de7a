using Ledger.Api.Authors.Reading;
using Ledger.Domain.Authors;
using Ledger.Domain.Authors.Claiming;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Ledger.Api.Audit;

/// <summary>One transition of a claim or dispute: who did what, when, why and on what evidence.</summary>
public sealed record ClaimTransition(
    string Transition,
    string Actor,
    DateTimeOffset At,
    string? Reason,
    object? Evidence,
    Guid? DisputeId,
    long Version);

public sealed record ClaimHistory(Guid ClaimId, string Claimant, string Status,
    IReadOnlyList<ClaimTransition> Transitions);

public sealed record DisputeHistory(Guid DisputeId, Guid IncumbentClaimId, Guid ChallengerClaimId, bool Open,
    IReadOnlyList<ClaimTransition> Transitions);

public sealed record ClaimHistoryResponse(Guid AuthorId, IReadOnlyList<ClaimHistory> Claims,
    IReadOnlyList<DisputeHistory> Disputes);

public static class ReadClaimHistoryEndpoint
{
    /// <summary>
    /// Returns every claim of a record with each of its transitions, and every dispute with its
    /// resolution.
    /// </summary>
    [WolverineGet("/api/authors/{id}/claims", OperationId = "ReadClaimHistory")]
    [Tags("Audit")]
    [ProducesResponseType<ClaimHistoryResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken ct)
    {
        var streamId = await AuthorLookup.ResolveAsync(session, id, ct);
        var events = streamId is null ? [] : await session.Events.FetchStreamAsync(streamId.Value, token: ct);
        if (events.Count == 0)
        {
            return Problems.AuthorNotFound(id);
        }

        var claims = new Dictionary<Guid, List<ClaimTransition>>();
        var disputes = new Dictionary<Guid, List<ClaimTransition>>();
        foreach (var e in events)
        {
            if (ClaimTransitions.From(e.Data, e.Version) is not { } found)
            {
                continue;
            }

            var (claimId, disputeId, transition) = found;
            if (claimId is { } claim)
            {
                Add(claims, claim, transition);
            }

            if (disputeId is { } dispute)
            {
                Add(disputes, dispute, transition);
            }
        }

        var author = events.Aggregate((Author?)null,
            (current, e) => e.Data is IAuthorEvent authorEvent ? Author.ApplyEvent(current, authorEvent) : current)!;
        return Results.Ok(new ClaimHistoryResponse(author.Id,
            author.Claims.Values.OrderBy(c => c.RequestedAt).Select(c => new ClaimHistory(c.Id, c.Claimant,
                c.Status.ToString().ToLowerInvariant(), claims.GetValueOrDefault(c.Id) ?? [])).ToList(),
            author.Disputes.Values.Select(d => new DisputeHistory(d.Id, d.IncumbentClaimId, d.ChallengerClaimId,
                d.Open, disputes.GetValueOrDefault(d.Id) ?? [])).ToList()));
    }

    private static void Add(Dictionary<Guid, List<ClaimTransition>> map, Guid key, ClaimTransition transition)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(transition);
    }
}

internal static class ClaimTransitions
{
    /// <summary>Maps a claim or dispute event to its transition and the claim and dispute it concerns.</summary>
    public static (Guid? ClaimId, Guid? DisputeId, ClaimTransition Transition)? From(object data, long version) =>
        data switch
        {
            ClaimRequested e => (e.ClaimId, null,
                new("requested", e.Claimant, e.RequestedAt, null, new { e.Evidence, e.OfferedEvidence },
                    null, version)),
            ClaimEvidenceAdded e => (e.ClaimId, null,
                new("evidence added", e.AddedBy, e.AddedAt, null, new { e.Evidence, e.OfferedEvidence },
                    null, version)),
            ClaimApproved e => (e.ClaimId, null,
                new("approved", e.ApprovedBy, e.ApprovedAt, e.Reason, e.StrongEvidence, null, version)),
            ClaimRejected e => (e.ClaimId, null,
                new("rejected", e.RejectedBy, e.RejectedAt, e.Reason, null, null, version)),
            ClaimWithdrawn e => (e.ClaimId, null,
                new("withdrawn", e.WithdrawnBy, e.WithdrawnAt, null, null, null, version)),
            ClaimReleased e => (e.ClaimId, null,
                new("released", e.ReleasedBy, e.ReleasedAt, null, null, null, version)),
            ClaimRevoked e => (e.ClaimId, null,
                new("revoked", e.RevokedBy, e.RevokedAt, e.Reason, null, null, version)),
            AttestationRecorded e => (e.ClaimId, null,
                new("attested", e.AttestedBy, e.AttestedAt, e.Statement, null, null, version)),
            ClaimEvidenceExpired e => (e.ClaimId, null,
                new("evidence expired", "scheduler", e.ExpiredAt, $"{e.Kind} evidence expired", null, null, version)),
            DisputeOpened e => (e.ChallengerClaimId, e.DisputeId,
                new("dispute opened", "rule:one-claim-in-force", e.OpenedAt,
                    $"claim {e.IncumbentClaimId} was in force", null, e.DisputeId, version)),
            DisputeResolved e => (null, e.DisputeId,
                new($"dispute resolved for the {e.InFavourOf.ToString().ToLowerInvariant()}", e.ResolvedBy,
                    e.ResolvedAt, e.Reason, null, e.DisputeId, version)),
            _ => null,
        };
}
