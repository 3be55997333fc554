using ChatDapr.Contracts.Wire;
using Dapr.Actors;

namespace ChatDapr.Contracts.Actors;

/// <summary>
/// The single writer of one room (actor id = room id): members and roles, the room sequence, idempotent send.
/// Rule violations throw <c>ChatError</c> (forbidden, not_found, invalid, conflict).
/// </summary>
/// <remarks>
/// The room sequence numbers the room's messages densely (1, 2, 3, …): each post takes exactly one position, assigned
/// once. Edits and deletes take no position: they change the message in place (new text and <c>EditedAt</c>, or a
/// tombstone), keep its seq and raise its per-message version (1 at post, +1 per edit or delete). A change is
/// persisted in one state transaction, then published, then acknowledged. Membership changes also update each
/// affected user's <see cref="IUserRoomsActor"/> before they are published and acknowledged.
/// </remarks>
public interface IRoomActor : IActor
{
    /// <summary>Creates the room; repeating an identical create (for a direct room: from either side) returns it again.</summary>
    Task<Room> CreateAsync(CreateRoomCommand command);

    /// <summary>The room with its members and last seq; not_found before it is created.</summary>
    Task<Room> GetRoomAsync();

    /// <summary>Adds plain members (owner/admin only; not in direct rooms).</summary>
    Task<Room> AddMembersAsync(AddMembersCommand command);

    /// <summary>Removes a member (see <see cref="RemoveMemberCommand"/>); removing a non-member changes nothing.</summary>
    Task<Room> RemoveMemberAsync(RemoveMemberCommand command);

    /// <summary>The caller leaves; leaving a room one is not in changes nothing.</summary>
    Task LeaveAsync(LeaveRoomCommand command);

    /// <summary>Changes a member's role (owner only).</summary>
    Task<Room> SetRoleAsync(SetRoleCommand command);

    /// <summary>Posts a message: validates, assigns the next seq once, persists, publishes, then acknowledges.</summary>
    Task<SendResult> SendMessageAsync(SendCommand command);

    /// <summary>Edits a message in place; returns it after the edit (its seq unchanged).</summary>
    Task<Message> EditMessageAsync(EditMessageCommand command);

    /// <summary>Deletes a message; returns what clients receive as <c>MessageDeleted</c>.</summary>
    Task<MessageDeletedEvent> DeleteMessageAsync(DeleteMessageCommand command);

    /// <summary>
    /// The current versions of the messages with seq in (<c>AfterSeq</c>, <c>AfterSeq + Limit</c>], ascending: the
    /// room's durable log, read by the messages service to fill gaps its event handlers have not filled (yet).
    /// not_found before the room is created; invalid unless <c>AfterSeq</c> ≥ 0 and 1 ≤ <c>Limit</c> ≤
    /// <see cref="GetMessagesQuery.MaxLimit"/>.
    /// </summary>
    Task<IReadOnlyList<VersionedMessage>> GetMessagesAsync(GetMessagesQuery query);
}
