using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Names;
using Dapr.Client;

namespace ChatDapr.Messages.Storage;

// The stored history: one value per (room, seq). Writes are version-checked upserts, so handlers and the history
// reader can write the same message in any order, any number of times, and the newest version stays.
public sealed class MessageStore(DaprClient dapr)
{
    private const int MaxAttempts = 5;

    // First-write: the ETag must still match, and an empty ETag means "only if the key is absent".
    internal static readonly StateOptions CheckETag = new() { Concurrency = ConcurrencyMode.FirstWrite };

    // Returns whether the copy was written (false: the store already had this version or a newer one).
    public async Task<bool> UpsertAsync(StoredMessage incoming, CancellationToken ct)
    {
        var key = StateKeys.Message(incoming.Message.RoomId, incoming.Message.Seq);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (current, etag) = await dapr.GetStateAndETagAsync<StoredMessage?>(DaprComponents.StateStore, key, cancellationToken: ct);
            if (!incoming.IsNewerThan(current))
                return false;
            if (await dapr.TrySaveStateAsync(DaprComponents.StateStore, key, incoming, etag ?? "", CheckETag, cancellationToken: ct))
                return true;
        }
        throw ChatError.Conflict("the message is being written concurrently; retry");
    }

    // The stored messages of the window by seq; seqs without a stored message are absent.
    public async Task<Dictionary<long, StoredMessage>> GetAsync(string roomId, SeqWindow window, CancellationToken ct)
    {
        if (window.Count == 0)
            return [];
        var keys = window.Seqs().Select(seq => StateKeys.Message(roomId, seq)).ToList();
        var items = await dapr.GetBulkStateAsync<StoredMessage?>(DaprComponents.StateStore, keys, parallelism: null, cancellationToken: ct);
        return items.Where(i => i.Value is not null).ToDictionary(i => i.Value!.Message.Seq, i => i.Value!);
    }
}
