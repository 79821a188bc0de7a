using System.Collections.Immutable;
using Ledger.Domain.Authors.Claiming;
using Ledger.Domain.Authors.Importing;

namespace Ledger.Domain.Authors;

/// <summary>
/// An author record folded from its stream: what decisions need, and what every view of the
/// record starts from.
/// </summary>
/// <param name="Claims">Every claim of the record, by claim id, ended ones included.</param>
/// <param name="RevokedAt">When claims of the record were revoked, oldest first.</param>
/// <param name="CollaborationSetByClaimant">
/// The claim in force chose "open to collaborate", so imports no longer change it until that claim ends.
/// </param>
/// <param name="ImportedOpenToCollaborate">The source's value, which returns when the claimant's choice ends.</param>
public sealed partial record Author(
    Guid Id,
    string ExternalId,
    AuthorDetails Details,
    Bibliography Bibliography,
    ImmutableSortedSet<string> DetachedWorkIds,
    ImmutableSortedDictionary<Guid, Claim> Claims,
    ImmutableSortedDictionary<Guid, Dispute> Disputes,
    ImmutableList<DateTimeOffset> RevokedAt,
    DateTimeOffset UpdatedAt,
    bool CollaborationSetByClaimant = false,
    bool ImportedOpenToCollaborate = false)
{
    /// <summary>OpenAlex ids and ORCID iDs are persistent identifiers; a record with neither is tier L0.</summary>
    public bool HasPersistentIdentifier =>
        ExternalId.StartsWith("openalex:", StringComparison.Ordinal)
        || ExternalId.StartsWith("orcid:", StringComparison.Ordinal)
        || Details.Orcid is not null;

    public static Author Create(AuthorImported imported) =>
        new(imported.AuthorId, imported.ExternalId, imported.Details, Bibliography.Empty,
            ImmutableSortedSet<string>.Empty, ImmutableSortedDictionary<Guid, Claim>.Empty,
            ImmutableSortedDictionary<Guid, Dispute>.Empty, ImmutableList<DateTimeOffset>.Empty, imported.ImportedAt,
            ImportedOpenToCollaborate: imported.Details.OpenToCollaborate);

    public Author Apply(ImportedFieldChanged changed) =>
        this with { Details = Details.With(changed.Field, changed.Current), UpdatedAt = changed.ChangedAt };

    public Author Apply(CollaborationPreferenceSet set) =>
        this with
        {
            Details = Details with { OpenToCollaborate = set.Open },
            CollaborationSetByClaimant = CollaborationSetByClaimant || set.ByClaimant,
            ImportedOpenToCollaborate = set.ByClaimant ? ImportedOpenToCollaborate : set.Open,
            UpdatedAt = set.SetAt,
        };

    public Author Apply(WorkAttributed attributed) =>
        this with { Bibliography = Bibliography.With(attributed.Work), UpdatedAt = attributed.AttributedAt };

    public Author Apply(WorkRevised revised) =>
        this with { Bibliography = Bibliography.With(revised.Work), UpdatedAt = revised.RevisedAt };

    public Author Apply(WorkDetached detached) =>
        this with
        {
            Bibliography = Bibliography.Without(detached.WorkId),
            DetachedWorkIds = DetachedWorkIds.Add(detached.WorkId),
            UpdatedAt = detached.DetachedAt,
        };

    /// <summary>Applies any event of the record's stream; views fold with it.</summary>
    public static Author? ApplyEvent(Author? current, IAuthorEvent e) => (current, e) switch
    {
        // A record's stream starts with AuthorImported, and a view rebuilt over stale rows starts over with it.
        (_, AuthorImported imported) => Create(imported),
        (null, _) => null,
        (_, ImportedFieldChanged changed) => current.Apply(changed),
        (_, CollaborationPreferenceSet set) => current.Apply(set),
        (_, WorkAttributed attributed) => current.Apply(attributed),
        (_, WorkRevised revised) => current.Apply(revised),
        (_, WorkDetached detached) => current.Apply(detached),
        (_, ClaimRequested requested) => current.Apply(requested),
        (_, ClaimEvidenceAdded added) => current.Apply(added),
        (_, ClaimApproved approved) => current.Apply(approved),
        (_, ClaimRejected rejected) => current.Apply(rejected),
        (_, ClaimWithdrawn withdrawn) => current.Apply(withdrawn),
        (_, ClaimReleased released) => current.Apply(released),
        (_, ClaimRevoked revoked) => current.Apply(revoked),
        (_, DisputeOpened opened) => current.Apply(opened),
        (_, DisputeResolved resolved) => current.Apply(resolved),
        (_, AttestationRecorded attested) => current.Apply(attested),
        (_, ClaimEvidenceExpired expired) => current.Apply(expired),
        (_, RevocationPenaltyLapsed lapsed) => current.Apply(lapsed),
        _ => throw new InvalidOperationException(
            $"Author record {current.Id} has no rule for event {e.GetType().Name}."),
    };
}
