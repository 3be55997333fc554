using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Wire;
using ChatDapr.Rooms.Domain;

namespace ChatDapr.Rooms.Actors;

// Builds the room's integration events. Ids are deterministic (room seq, message version or room version), so
// publishing the same change again after a retry produces the same event id and idempotent handlers drop the repeat.
internal sealed class RoomEvents(IEventPublisher publisher)
{
    public Task PostedAsync(RoomRecord room, StoredMessage stored) =>
        publisher.PublishAsync(new MessagePostedIntegrationEvent(
            EventIds.ForRoomSeq(room.RoomId, stored.Message.Seq), stored.Message, room.MemberIds(), stored.Version));

    public Task EditedAsync(RoomRecord room, StoredMessage stored) =>
        publisher.PublishAsync(new MessageEditedIntegrationEvent(
            EventIds.ForMessageVersion(room.RoomId, stored.Message.MessageId, stored.Version), room.RoomId,
            stored.Message.Seq, stored.Message, stored.Version, stored.ChangedBy, room.MemberIds()));

    public Task DeletedAsync(RoomRecord room, StoredMessage stored) =>
        publisher.PublishAsync(new MessageDeletedIntegrationEvent(
            EventIds.ForMessageVersion(room.RoomId, stored.Message.MessageId, stored.Version), room.RoomId,
            stored.Message.Seq, stored.Message.MessageId, stored.Message, stored.Version, stored.ChangedBy, room.MemberIds()));

    // Member events first, then the room itself, so a consumer that reconciles from RoomUpdated ends consistent.
    public async Task MembershipChangedAsync(
        RoomRecord room, long lastSeq, string actorUserId, IEnumerable<string> joined, IEnumerable<string> left)
    {
        // One bulk per kind: the joins (or leaves) of one change are independent of each other.
        await publisher.PublishAllAsync(joined.Select(userId => new MemberJoinedIntegrationEvent(
            EventIds.ForRoomVersion(room.RoomId, room.Version, "joined/" + userId), room.RoomId, userId, actorUserId, lastSeq)).ToList());
        await publisher.PublishAllAsync(left.Select(userId => new MemberLeftIntegrationEvent(
            EventIds.ForRoomVersion(room.RoomId, room.Version, "left/" + userId), room.RoomId, userId, actorUserId, lastSeq)).ToList());
        await publisher.PublishAsync(new RoomUpdatedIntegrationEvent(
            EventIds.ForRoomVersion(room.RoomId, room.Version, "room"), room.ToWire(lastSeq), room.Version));
    }
}
