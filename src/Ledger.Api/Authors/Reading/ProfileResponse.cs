using Ledger.Domain.Authors;
using Ledger.Domain.Authors.Claiming;
using Ledger.Domain.Invitations;
using Ledger.Projections;

namespace Ledger.Api.Authors.Reading;

public sealed record WorkResponse(string Id, string Title, string Type, int? Year, string? Venue, string? Abstract);

public sealed record TopicResponse(string Id, string Name);

public sealed record CollaboratorResponse(string Id, string Name, int SharedWorks);

public sealed record ProfileCounts(int Works, int Followers, int Topics, int CloseCollaborators);

public sealed record TrustSnapshot(int Score, string Band, string PolicyVersion);

/// <summary>The claim side of a profile: "unclaimed", "pending" or "claimed", and the claimant's account id.</summary>
public sealed record ClaimSnapshot(string Status, string? Claimant, Guid? ClaimId, bool DisputeOpen);

/// <summary>Whether the record takes direct invitations, and the rule that stops them when it does not.</summary>
public sealed record InvitationSnapshot(bool Open, string? ClosedBecause, string? Detail);

/// <summary>Everything the public page of a record shows.</summary>
public sealed record AuthorProfileResponse(
    Guid Id,
    string ExternalId,
    string? Orcid,
    string Name,
    string? Description,
    string? Affiliation,
    bool OpenToCollaborate,
    ClaimSnapshot Claim,
    InvitationSnapshot Invitations,
    TrustSnapshot Trust,
    string VerificationTier,
    ProfileCounts Counts,
    IReadOnlyList<WorkResponse> Works,
    IReadOnlyList<TopicResponse> Topics,
    IReadOnlyList<CollaboratorResponse> CloseCollaborators,
    long Version,
    DateTimeOffset UpdatedAt)
{
    public static AuthorProfileResponse From(AuthorProfile profile, string policy)
    {
        var trust = profile.TrustByPolicy[policy];
        var record = profile.Record;
        var bibliography = record.Bibliography;
        var topics = bibliography.Topics();
        var collaborators = bibliography.CloseCollaborators();

        return new AuthorProfileResponse(
            profile.Id,
            profile.ExternalId,
            record.Details.Orcid,
            record.Details.Name,
            record.Details.Description,
            record.Details.Affiliation,
            record.Details.OpenToCollaborate,
            ClaimOf(record),
            InvitationsOf(record),
            new TrustSnapshot(trust.Score, trust.Band, trust.PolicyVersion),
            profile.Tier.Tier.ToString(),
            new ProfileCounts(bibliography.Works.Count, profile.CountingFollowers, topics.Count,
                collaborators.Count),
            bibliography.Works.Values
                .OrderByDescending(w => w.Year)
                .ThenBy(w => w.Id, StringComparer.Ordinal)
                .Select(w => new WorkResponse(w.Id, w.Title, w.Type, w.Year, w.Venue, w.Abstract))
                .ToList(),
            topics.Select(t => new TopicResponse(t.Id, t.Name)).ToList(),
            collaborators.Select(c => new CollaboratorResponse(c.Id, c.Name, c.SharedWorks)).ToList(),
            profile.RecordVersion,
            record.UpdatedAt);
    }

    private static InvitationSnapshot InvitationsOf(Author record) =>
        InvitationDecisions.WhyClosed(record) is { } closed
            ? new InvitationSnapshot(false, closed.Rule, closed.Detail)
            : new InvitationSnapshot(true, null, null);

    private static ClaimSnapshot ClaimOf(Author record)
    {
        var claim = record.ClaimInForce;
        var status = claim?.Status switch
        {
            ClaimStatus.Approved => "claimed",
            ClaimStatus.Pending => "pending",
            _ => "unclaimed",
        };
        return new ClaimSnapshot(status, claim?.Claimant, claim?.Id, record.DisputeOpen);
    }
}
