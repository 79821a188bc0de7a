using Ledger.Domain.Verification;

namespace Ledger.Domain.Authors.Claiming;

/// <summary>Evidence a claimant offers for a verifier to review, such as a link or a statement.</summary>
public sealed record SubmittedEvidence(string Kind, string Value);

/// <param name="OfferedEvidence">Strong evidence the claimant's account held at the request, if any.</param>
public sealed record ClaimRequested(
    Guid AuthorId,
    Guid ClaimId,
    string Claimant,
    IReadOnlyList<SubmittedEvidence> Evidence,
    StrongEvidence? OfferedEvidence,
    DateTimeOffset RequestedAt) : IAuthorEvent
{
    public DateTimeOffset OccurredAt => RequestedAt;
}

/// <param name="OfferedEvidence">Strong evidence the claimant's account held when adding, if any.</param>
public sealed record ClaimEvidenceAdded(Guid AuthorId, Guid ClaimId, SubmittedEvidence Evidence,
    StrongEvidence? OfferedEvidence, string AddedBy, DateTimeOffset AddedAt) : IAuthorEvent
{
    public DateTimeOffset OccurredAt => AddedAt;
}

/// <param name="ApprovedBy">The verifier's account id, or <see cref="ClaimRules.StrongEvidenceRule"/>.</param>
/// <param name="StrongEvidence">The strong evidence behind the approval, if any; the tier reads it.</param>
public sealed record ClaimApproved(
    Guid AuthorId,
    Guid ClaimId,
    string ApprovedBy,
    string Reason,
    StrongEvidence? StrongEvidence,
    DateTimeOffset ApprovedAt) : IAuthorEvent
{
    public DateTimeOffset OccurredAt => ApprovedAt;
}

public sealed record ClaimRejected(Guid AuthorId, Guid ClaimId, string RejectedBy, string Reason,
    DateTimeOffset RejectedAt) : IAuthorEvent
{
    public DateTimeOffset OccurredAt => RejectedAt;
}

public sealed record ClaimWithdrawn(Guid AuthorId, Guid ClaimId, string WithdrawnBy, DateTimeOffset WithdrawnAt)
    : IAuthorEvent
{
    public DateTimeOffset OccurredAt => WithdrawnAt;
}

public sealed record ClaimReleased(Guid AuthorId, Guid ClaimId, string ReleasedBy, DateTimeOffset ReleasedAt)
    : IAuthorEvent
{
    public DateTimeOffset OccurredAt => ReleasedAt;
}

public sealed record ClaimRevoked(Guid AuthorId, Guid ClaimId, string RevokedBy, string Reason,
    DateTimeOffset RevokedAt) : IAuthorEvent
{
    public DateTimeOffset OccurredAt => RevokedAt;
}

/// <summary>A second account claimed the record while <paramref name="IncumbentClaimId"/> was in force.</summary>
public sealed record DisputeOpened(Guid AuthorId, Guid DisputeId, Guid IncumbentClaimId, Guid ChallengerClaimId,
    DateTimeOffset OpenedAt) : IAuthorEvent
{
    public DateTimeOffset OccurredAt => OpenedAt;
}

public enum DisputeOutcome
{
    /// <summary>The claim in force stays, and the challenger's claim is rejected.</summary>
    Incumbent,

    /// <summary>The claim in force ends, and the challenger's claim is approved.</summary>
    Challenger,
}

public sealed record DisputeResolved(Guid AuthorId, Guid DisputeId, DisputeOutcome InFavourOf, string ResolvedBy,
    string Reason, DateTimeOffset ResolvedAt) : IAuthorEvent
{
    public DateTimeOffset OccurredAt => ResolvedAt;
}

public sealed record AttestationRecorded(Guid AuthorId, Guid ClaimId, string AttestedBy, string Statement,
    DateTimeOffset AttestedAt) : IAuthorEvent
{
    public DateTimeOffset OccurredAt => AttestedAt;
}

/// <summary>The strong evidence behind an approved claim reached its expiry; the time is the expiry itself.</summary>
public sealed record ClaimEvidenceExpired(Guid AuthorId, Guid ClaimId, string Kind, DateTimeOffset ExpiredAt)
    : IAuthorEvent
{
    public DateTimeOffset OccurredAt => ExpiredAt;
}

/// <summary>The trust penalty of a revoked claim ended, 365 days after the revocation.</summary>
public sealed record RevocationPenaltyLapsed(Guid AuthorId, Guid ClaimId, DateTimeOffset LapsedAt) : IAuthorEvent
{
    public DateTimeOffset OccurredAt => LapsedAt;
}
