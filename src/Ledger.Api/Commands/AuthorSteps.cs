using JasperFx.Events;
using Ledger.Api.Authors.Reading;
using Ledger.Domain;
using Ledger.Domain.Authors;
using Marten;

namespace Ledger.Api.Commands;

/// <summary>An author record's stream, locked for the command's transaction.</summary>
public sealed record LockedAuthor(IEventStream<Author> Stream)
{
    public Author Author => Stream.Aggregate!;

    public long Version => Stream.CurrentVersion ?? 0;
}

public static class AuthorSteps
{
    /// <summary>
    /// Loads a record for writing with a row lock on its stream, so concurrent commands on one
    /// record run one after another instead of failing. An If-Match header (412 when stale) or an
    /// expected version in the body (409 when stale) must equal the stream's version.
    /// </summary>
    public static async Task<(LockedAuthor? Stream, IResult? Problem)> LoadAsync(IDocumentSession session, string id,
        HttpRequest request, long? expectedVersion, CancellationToken ct)
    {
        var authorId = await AuthorLookup.ResolveAsync(session, id, ct);
        if (authorId is null)
        {
            return (null, Problems.AuthorNotFound(id));
        }

        var stream = await session.Events.FetchForExclusiveWriting<Author>(authorId.Value, ct);
        if (stream.Aggregate is null)
        {
            return (null, Problems.AuthorNotFound(id));
        }

        var loaded = new LockedAuthor(stream);
        var ifMatch = IfMatchVersion(request);
        if (ifMatch is not null && ifMatch != loaded.Version)
        {
            return (null, CommandProblems.VersionMismatch(true, ifMatch.Value, loaded.Version));
        }

        if (expectedVersion is not null && expectedVersion != loaded.Version)
        {
            return (null, CommandProblems.VersionMismatch(false, expectedVersion.Value, loaded.Version));
        }

        return (loaded, null);
    }

    /// <summary>
    /// Appends an accepted decision, or discards every change of the request and returns its
    /// problem.
    /// </summary>
    public static IResult? Apply(IDocumentSession session, LockedAuthor stream, Decision<IAuthorEvent> decision)
    {
        if (decision.Rejection is { } rejection)
        {
            session.EjectAllPendingChanges();
            return CommandProblems.From(rejection);
        }

        stream.Stream.AppendMany(decision.Events);
        return null;
    }

    /// <summary>
    /// Folds the decided events onto the loaded record, so the response shows the state after the
    /// command.
    /// </summary>
    public static Author After(LockedAuthor stream, IEnumerable<IAuthorEvent> events) =>
        events.Aggregate(stream.Author, (author, e) => Author.ApplyEvent(author, e)!);

    // ETags of records are the stream version in quotes, weak or strong; "*" matches any version.
    private static long? IfMatchVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }

        var value = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        return long.TryParse(value.Trim('"'), out var version) ? version : -1;
    }
}
