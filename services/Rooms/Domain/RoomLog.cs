using ChatDapr.Contracts.Wire;

namespace ChatDapr.Rooms.Domain;

// One message of the room log (state key "msg-{seq}"), as it is now. Version is 1 at post and grows by one per edit
// or delete; ChangedBy made that version (the sender for version 1). Re-publishing the latest change needs both, and
// consumers use Version to drop stale copies. IdempotencyKey lets the pruner drop the send's idempotency record.
public sealed record StoredMessage(Message Message, string ClientMessageId, string IdempotencyKey, long Version, string ChangedBy);

// The answer to a (sender, clientMessageId), kept at least the retention period (state key "idem-{hash}").
public sealed record IdempotencyRecord(SendAck Ack, DateTimeOffset RecordedAt);
