using Ledger.Domain.Authors;
using Ledger.Domain.Identifiers;
using Ledger.Projections;
using Marten;

namespace Ledger.Api.Authors.Reading;

public static class AuthorLookup
{
    /// <summary>
    /// Resolves a route id to a record's stream id. It accepts the stream id itself, an OpenAlex
    /// author id in short or URL form, or an ORCID iD in bare or URL form. An ORCID iD also finds
    /// a record imported under its OpenAlex id that lists that iD.
    /// </summary>
    public static async Task<Guid?> ResolveAsync(IQuerySession session, string id, CancellationToken ct)
    {
        // Routing leaves an escaped slash (%2F) of a URL-form id escaped.
        id = Uri.UnescapeDataString(id);
        if (Guid.TryParse(id, out var streamId))
        {
            // Only an author record's stream, which starts with its import, is a record: account and
            // invitation streams are private and never answered through these routes.
            var first = await session.QueryAsync<string>(
                "select type from ledger.mt_events where stream_id = ? and version = 1", ct, streamId);
            return first.Count == 1 && first[0] == "author_imported" ? streamId : null;
        }

        var externalId = AuthorIds.CanonicalExternalId(id);
        if (externalId is null)
        {
            return null;
        }

        var byExternalId = AuthorIds.ForExternalId(externalId);
        if (!Orcid.TryParse(id, out var orcid))
        {
            return byExternalId;
        }

        var value = orcid.Value.Value;
        var match = await session.Query<AuthorProfile>()
            .Where(p => p.ExternalId == externalId || p.Orcid == value)
            .Select(p => p.Id)
            .ToListAsync(ct);
        return match.Count > 0 ? match[0] : byExternalId;
    }

    public static async Task<TView?> LoadAsync<TView>(IQuerySession session, string id, CancellationToken ct)
        where TView : class
    {
        var streamId = await ResolveAsync(session, id, ct);
        return streamId is null ? null : await session.LoadAsync<TView>(streamId.Value, ct);
    }
}
