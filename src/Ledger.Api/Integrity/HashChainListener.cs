using JasperFx.Events;
using Marten;

namespace Ledger.Api.Integrity;

/// <summary>
/// Chains every appended event to the previous event of its stream by writing its hash into the
/// event's headers just before the session saves. A stream's appends are serialised by its
/// expected-version check or its row lock, so two saves never chain from the same event.
/// </summary>
public sealed class HashChainListener : DocumentSessionListenerBase
{
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var serializer = session.DocumentStore.Options.Serializer();
        foreach (var stream in session.PendingChanges.Streams())
        {
            var previous = stream.ActionType == StreamActionType.Start
                ? EventHash.Genesis
                : await LastHashAsync(session, stream.Id, token);

            foreach (var e in stream.Events)
            {
                var hash = EventHash.Compute(previous, stream.Id, e.EventTypeName, serializer.ToJson(e.Data),
                    e.UserName ?? session.LastModifiedBy, e.CorrelationId ?? session.CorrelationId,
                    e.CausationId ?? session.CausationId);
                e.SetHeader(EventHash.Header, hash);
                previous = hash;
            }
        }
    }

    private static async Task<string> LastHashAsync(IDocumentSession session, Guid streamId, CancellationToken token)
    {
        var hashes = await session.QueryAsync<string>(
            $"select coalesce(headers ->> '{EventHash.Header}', '') from ledger.mt_events "
            + "where stream_id = ? order by version desc limit 1", token, streamId);
        return hashes.Count > 0 ? hashes[0] : EventHash.Genesis;
    }
}
