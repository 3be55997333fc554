using System.Text.Json;
using ChatDapr.Contracts.Names;
using Dapr;
using Dapr.Client;

namespace ChatDapr.Messages.Storage;

// Stores the message of an event and advances the room's contiguous mark in one read and one transaction when the
// message extends the stored history — the common case, events arriving in seq order — instead of the five sidecar
// calls of MessageStore.UpsertAsync + ContiguityTracker.AdvanceAsync (profiled: most of this service's CPU per send,
// and as much again in the sidecar). The read takes the mark, the message and a lookahead of later seqs (stored out of
// order earlier) with their ETags; the transaction writes the message if newer and the mark if it moves, each under
// its ETag (empty: only if absent), so a concurrent writer makes it fail and the loop reads again. Behind a hole
// (mark < seq - 1) the general path runs: the mark moves only once the hole is filled, which its scan finds.
public sealed class HistoryAppender(DaprClient dapr, MessageStore messages, ContiguityTracker contiguity)
{
    private const int MaxAttempts = 5;
    private const int Lookahead = 8;

    // Returns whether the copy was written (false: the store already had this version or a newer one).
    public async Task<bool> AppendAsync(StoredMessage incoming, CancellationToken ct)
    {
        var (roomId, seq) = (incoming.Message.RoomId, incoming.Message.Seq);
        var markKey = StateKeys.Contiguous(roomId);
        var messageKey = StateKeys.Message(roomId, seq);
        List<string> keys = [markKey, .. Enumerable.Range(0, Lookahead + 1).Select(i => StateKeys.Message(roomId, seq + i))];
        for (var attempt = 1; ; attempt++)
        {
            var items = (await dapr.GetBulkStateAsync(DaprComponents.StateStore, keys, parallelism: null, cancellationToken: ct))
                .ToDictionary(i => i.Key);
            var mark = Read<long>(items[markKey]);
            var write = incoming.IsNewerThan(Read<StoredMessage?>(items[messageKey]));
            if (mark < seq - 1)
                return await BehindAHoleAsync(incoming, write, ct);

            var present = Enumerable.Range(1, Lookahead).Select(i => seq + i)
                .Where(later => !string.IsNullOrEmpty(items[StateKeys.Message(roomId, later)].Value))
                .Append(seq).ToHashSet();
            var reached = Math.Max(mark, Contiguity.Advance(mark, present));
            List<StateTransactionRequest> writes = [];
            if (write)
                writes.Add(Upsert(messageKey, incoming, items[messageKey].ETag));
            if (reached > mark)
                writes.Add(Upsert(markKey, reached, items[markKey].ETag));
            if (writes.Count == 0)
                return false;
            try
            {
                await dapr.ExecuteStateTransactionAsync(DaprComponents.StateStore, writes, cancellationToken: ct);
            }
            // An ETag moved under us (daprd reports it as Internal, localdapr as Aborted), or the store failed: read
            // again; every write here is conditional, so a retry never overwrites newer data.
            catch (DaprException) when (attempt < MaxAttempts)
            {
                continue;
            }
            // The whole lookahead was present: more stored messages may follow it, which the general scan walks.
            if (reached == seq + Lookahead)
                await contiguity.AdvanceAsync(roomId, reached, ct);
            return write;
        }
    }

    private async Task<bool> BehindAHoleAsync(StoredMessage incoming, bool write, CancellationToken ct)
    {
        var written = write && await messages.UpsertAsync(incoming, ct);
        await contiguity.AdvanceAsync(incoming.Message.RoomId, incoming.Message.Seq, ct);
        return written;
    }

    private T? Read<T>(BulkStateItem item) =>
        string.IsNullOrEmpty(item.Value) ? default : JsonSerializer.Deserialize<T>(item.Value, dapr.JsonSerializerOptions);

    private StateTransactionRequest Upsert<T>(string key, T value, string? etag) =>
        new(key, JsonSerializer.SerializeToUtf8Bytes(value, dapr.JsonSerializerOptions), StateOperationType.Upsert,
            etag: etag ?? "", options: MessageStore.CheckETag);
}
