using ChatDapr.Contracts.Wire;
using ChatDapr.Messages.Storage;

namespace ChatDapr.Messages.Handlers;

// What all three message events do to the history: store the message as of the event's version unless a newer
// copy is stored, and advance the room's contiguous mark (HistoryAppender). Repeats and stale versions change nothing,
// so at-least-once delivery in any order is safe (invariant 7).
public sealed class MessageEventApplier(HistoryAppender history, ILogger<MessageEventApplier> logger)
{
    public async Task<IResult> ApplyAsync(string topic, string? eventId, Message? message, long version, CancellationToken ct)
    {
        if (eventId is null || message is null || string.IsNullOrEmpty(message.RoomId) || message.Seq < 1 || version < 1)
        {
            HandlerLog.Malformed(logger, topic, eventId);
            return SubscriptionAnswers.Drop();
        }
        // A repeat still advances the mark: the first delivery may have stored the message and failed before that.
        if (!await history.AppendAsync(new StoredMessage(message, version), ct))
            HandlerLog.NotNewer(logger, topic, eventId, version);
        return SubscriptionAnswers.Success();
    }
}
