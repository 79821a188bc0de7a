namespace Ledger.Domain.Authors.Importing;

public sealed record AuthorImported(
    Guid AuthorId,
    string ExternalId,
    AuthorDetails Details,
    string ImportedBy,
    DateTimeOffset ImportedAt) : IAuthorEvent
{
    public DateTimeOffset OccurredAt => ImportedAt;
}

/// <summary>A later import carried a new value for one field of the record.</summary>
public sealed record ImportedFieldChanged(
    Guid AuthorId,
    AuthorField Field,
    string? Previous,
    string? Current,
    string ChangedBy,
    DateTimeOffset ChangedAt) : IAuthorEvent
{
    public DateTimeOffset OccurredAt => ChangedAt;
}

public sealed record WorkAttributed(Guid AuthorId, Work Work, string AttributedBy, DateTimeOffset AttributedAt)
    : IAuthorEvent
{
    public DateTimeOffset OccurredAt => AttributedAt;
}

/// <summary>A later import carried a changed version of an attributed work.</summary>
public sealed record WorkRevised(Guid AuthorId, Work Work, string RevisedBy, DateTimeOffset RevisedAt) : IAuthorEvent
{
    public DateTimeOffset OccurredAt => RevisedAt;
}

/// <summary>Sets whether the record is open to collaborate, by import or by its claimant.</summary>
/// <param name="ByClaimant">Set by the claimant, after which imports leave the preference alone.</param>
public sealed record CollaborationPreferenceSet(Guid AuthorId, bool Open, string SetBy, DateTimeOffset SetAt,
    bool ByClaimant = false) : IAuthorEvent
{
    public DateTimeOffset OccurredAt => SetAt;
}

/// <summary>The work is no longer the record's; no later import attaches it again.</summary>
public sealed record WorkDetached(Guid AuthorId, string WorkId, string Reason, string DetachedBy,
    DateTimeOffset DetachedAt) : IAuthorEvent
{
    public DateTimeOffset OccurredAt => DetachedAt;
}
