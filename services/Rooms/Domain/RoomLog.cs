using System.Text.Json.Serialization;
using ChatDapr.Contracts.Wire;

namespace ChatDapr.Rooms.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<LogEntryKind>))]
public enum LogEntryKind
{
    Posted,
    Edited,
    Deleted,
}

// What happened at one position of the room sequence (state key "log-{seq}"). Immutable once written; the
// idempotency pruner walks these in seq (= time) order.
public sealed record LogEntry(
    long Seq, LogEntryKind Kind, string MessageId, string ActorUserId, DateTimeOffset At, string? IdempotencyKey);

// The current version of a message (state key "msg-{messageId}"): what edit/delete authorization and re-publishing
// need. LastChangeSeq is the seq of the latest post/edit/delete of it, so a repeated edit or delete can re-publish
// that event with its original id instead of taking a new seq.
public sealed record StoredMessage(Message Message, string ClientMessageId, long LastChangeSeq);

// The answer to a (sender, clientMessageId), kept at least the retention period (state key "idem-{hash}").
public sealed record IdempotencyRecord(SendAck Ack, DateTimeOffset RecordedAt);
