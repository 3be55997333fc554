using ChatDapr.Contracts.Names;
using Dapr.Client;

namespace ChatDapr.Messages.Storage;

// Tracks, per room, the highest seq up to which every message is stored (StateKeys.Contiguous): how far the history
// is complete without help from the room log. It only moves forward. Each advance scans from the stored mark, so a
// message stored by the history reader (or a lost race) is picked up by the next advance of the room.
public sealed class ContiguityTracker(DaprClient dapr, MessageStore messages)
{
    private const int MaxAttempts = 5;
    private const int Lookahead = 8;
    private const int MaxBatch = 64;

    // Called after storing seq (by a handler or the history reader); returns the mark after the advance.
    public async Task<long> AdvanceAsync(string roomId, long storedSeq, CancellationToken ct)
    {
        var key = StateKeys.Contiguous(roomId);
        for (var attempt = 0; ; attempt++)
        {
            var (mark, etag) = await dapr.GetStateAndETagAsync<long>(DaprComponents.StateStore, key, cancellationToken: ct);
            var reached = await ScanAsync(roomId, mark, storedSeq, ct);
            if (reached <= mark)
                return mark;
            if (await dapr.TrySaveStateAsync(DaprComponents.StateStore, key, reached, etag ?? "", MessageStore.CheckETag, cancellationToken: ct))
                return reached;
            // Another writer moved the mark; after a few lost races leave it to the room's next advance.
            if (attempt + 1 == MaxAttempts)
                return mark;
        }
    }

    // The first batch reaches just past the stored seq (usually the mark + 1 and a few after it); further batches
    // follow only while everything read is present.
    private async Task<long> ScanAsync(string roomId, long mark, long storedSeq, CancellationToken ct)
    {
        var size = (int)Math.Clamp(storedSeq - mark + Lookahead, 1, MaxBatch);
        while (true)
        {
            var window = new SeqWindow(mark, mark + size);
            var present = await messages.GetAsync(roomId, window, ct);
            var reached = Contiguity.Advance(mark, present.Keys);
            if (reached < window.UpTo)
                return reached;
            (mark, size) = (reached, MaxBatch);
        }
    }
}
