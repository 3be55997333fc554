using ChatDapr.Contracts.Wire;
using Dapr.Actors;

namespace ChatDapr.Contracts.Actors;

/// <summary>
/// The single writer of one room (actor id = room id): members and roles, the room sequence, idempotent send.
/// Rule violations throw <c>ChatError</c> (forbidden, not_found, invalid, conflict).
/// </summary>
/// <remarks>
/// The room sequence numbers every ordered event of the room densely (1, 2, 3, …): posts, edits and deletes each
/// take exactly one position, assigned once. A change is persisted in one state transaction, then published, then
/// acknowledged.
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

    /// <summary>Edits a message; returns it after the edit (its own seq unchanged).</summary>
    Task<Message> EditMessageAsync(EditMessageCommand command);

    /// <summary>Deletes a message; returns what clients receive as <c>MessageDeleted</c>.</summary>
    Task<MessageDeletedEvent> DeleteMessageAsync(DeleteMessageCommand command);
}
