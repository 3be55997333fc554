using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Wire;
using ChatDapr.Rooms.Domain;

namespace ChatDapr.Rooms.Actors;

// Builds the room's integration events. Ids are deterministic (room seq or room version), so publishing the same
// change again after a retry produces the same event id and idempotent handlers drop the repeat.
internal sealed class RoomEvents(IEventPublisher publisher)
{
    public Task PostedAsync(RoomRecord room, Message message) =>
        publisher.PublishAsync(new MessagePostedIntegrationEvent(
            EventIds.ForRoomSeq(room.RoomId, message.Seq), message, room.MemberIds()));

    public Task EditedAsync(RoomRecord room, long seq, Message message, string editedBy) =>
        publisher.PublishAsync(new MessageEditedIntegrationEvent(
            EventIds.ForRoomSeq(room.RoomId, seq), room.RoomId, seq, message, editedBy, room.MemberIds()));

    public Task DeletedAsync(RoomRecord room, long seq, Message message, string deletedBy) =>
        publisher.PublishAsync(new MessageDeletedIntegrationEvent(
            EventIds.ForRoomSeq(room.RoomId, seq), room.RoomId, seq, message.MessageId, message.Seq, deletedBy, room.MemberIds()));

    // Member events first, then the room itself, so a consumer that reconciles from RoomUpdated ends consistent.
    public async Task MembershipChangedAsync(
        RoomRecord room, long lastSeq, string actorUserId, IEnumerable<string> joined, IEnumerable<string> left)
    {
        foreach (var userId in joined)
        {
            await publisher.PublishAsync(new MemberJoinedIntegrationEvent(
                EventIds.ForRoomVersion(room.RoomId, room.Version, "joined/" + userId), room.RoomId, userId, actorUserId, lastSeq));
        }
        foreach (var userId in left)
        {
            await publisher.PublishAsync(new MemberLeftIntegrationEvent(
                EventIds.ForRoomVersion(room.RoomId, room.Version, "left/" + userId), room.RoomId, userId, actorUserId, lastSeq));
        }
        await publisher.PublishAsync(new RoomUpdatedIntegrationEvent(
            EventIds.ForRoomVersion(room.RoomId, room.Version, "room"), room.ToWire(lastSeq), room.Version));
    }
}
