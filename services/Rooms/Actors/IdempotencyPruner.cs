using ChatDapr.Rooms.Domain;
using Dapr.Actors.Runtime;

namespace ChatDapr.Rooms.Actors;

// Drops idempotency records older than the retention period, lazily, a few per send. The room log is in seq order,
// which is also time order, so a cursor walks it from the oldest unpruned seq and stops at the first young message.
// The removals join the caller's pending state changes and are saved in the same transaction as the send.
// The cursor is saved with the room's first send even when nothing was pruned: the SDK's state manager caches the
// keys it has read or written but not the misses, so an absent cursor cost a sidecar round trip on every send.
internal static class IdempotencyPruner
{
    public static async Task PruneAsync(IActorStateManager state, long lastSeq, DateTimeOffset cutoff, int maxSteps)
    {
        var stored = await state.TryGetStateAsync<long>(StateKeys.PruneCursor);
        var cursor = stored.HasValue ? stored.Value : 1;
        var start = cursor;
        for (var steps = 0; cursor <= lastSeq && steps < maxSteps; steps++, cursor++)
        {
            var entry = await state.TryGetStateAsync<StoredMessage>(StateKeys.Message(cursor));
            if (entry.HasValue && entry.Value.Message.SentAt >= cutoff)
                break;
            if (entry.HasValue)
                await state.TryRemoveStateAsync(entry.Value.IdempotencyKey);
        }
        if (cursor != start || !stored.HasValue)
            await state.SetStateAsync(StateKeys.PruneCursor, cursor);
    }
}
