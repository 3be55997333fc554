using ChatDapr.Contracts.Wire;
using ChatDapr.Messages.Storage;

namespace ChatDapr.Messages.History;

// Reads a window of a room's history. The caller passes the room's lastSeq from the room actor, so the window never
// names a seq the room has not assigned; any seq of it the store lacks (its event is late or was lost) is read from
// the room log, stored, and returned. That is what makes a read right after an ack contain the message.
public sealed partial class HistoryReader(
    MessageStore messages, ContiguityTracker contiguity, IRoomLog roomLog, ILogger<HistoryReader> logger)
{
    private const int MaxParallelWrites = 8;

    public async Task<IReadOnlyList<Message>> ReadAsync(string roomId, SeqWindow window, CancellationToken ct)
    {
        var stored = await messages.GetAsync(roomId, window, ct);
        var missing = window.Seqs().Where(seq => !stored.ContainsKey(seq)).ToList();
        if (missing.Count > 0)
            await HealAsync(roomId, new SeqWindow(missing[0] - 1, missing[^1]), stored, ct);
        return window.Seqs().Where(stored.ContainsKey).Select(seq => stored[seq].Message).ToList();
    }

    private async Task HealAsync(string roomId, SeqWindow gap, Dictionary<long, StoredMessage> stored, CancellationToken ct)
    {
        var fromLog = await roomLog.GetMessagesAsync(roomId, gap.AfterSeq, (int)gap.Count, ct);
        // The log's copy is current, so it also replaces a stored copy whose edit or delete event is still on its way.
        var newer = fromLog.Select(v => new StoredMessage(v.Message, v.Version))
            .Where(copy => copy.Message.RoomId == roomId && copy.IsNewerThan(stored.GetValueOrDefault(copy.Message.Seq)))
            .ToList();
        await Parallel.ForEachAsync(newer, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelWrites, CancellationToken = ct },
            async (copy, token) => await messages.UpsertAsync(copy, token));
        foreach (var copy in newer)
            stored[copy.Message.Seq] = copy;
        if (newer.Count > 0)
            await contiguity.AdvanceAsync(roomId, gap.UpTo, ct);
        LogHealed(logger, roomId, gap.AfterSeq + 1, gap.UpTo, newer.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Healed room {RoomId} seqs {From}-{To} from the room log: {Stored} stored")]
    private static partial void LogHealed(ILogger logger, string roomId, long from, long to, int stored);
}
