namespace ChatDapr.Contracts.Wire;

/// <summary>A member of a room and their role (<see cref="RoomRoles"/>).</summary>
/// <param name="UserId">The member's user id.</param>
/// <param name="Role">owner, admin or member.</param>
public sealed record RoomMember(string UserId, string Role);

/// <summary>A room as returned by <c>CreateRoom</c> and pushed by <c>RoomUpdated</c>.</summary>
/// <param name="RoomId">The room id (also the <c>RoomActor</c> id).</param>
/// <param name="Name">Display name; may be empty for direct rooms.</param>
/// <param name="Kind">group or direct (<see cref="RoomKinds"/>).</param>
/// <param name="Members">All members including the caller, in join order.</param>
/// <param name="LastSeq">The highest sequence number assigned in the room (0 when nothing happened yet).</param>
public sealed record Room(string RoomId, string Name, string Kind, IReadOnlyList<RoomMember> Members, long LastSeq);

/// <summary>One entry of <c>GetRooms()</c>.</summary>
/// <param name="RoomId">The room id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">group or direct.</param>
/// <param name="LastSeq">The room's highest sequence number.</param>
/// <param name="ReadSeq">The caller's read marker in the room.</param>
/// <param name="Unread">How many messages after <paramref name="ReadSeq"/> the caller has not read.</param>
public sealed record RoomSummary(string RoomId, string Name, string Kind, long LastSeq, long ReadSeq, long Unread);

/// <summary>Argument of the hub method <c>CreateRoom</c>.</summary>
/// <param name="Name">Display name (required for group rooms).</param>
/// <param name="Kind">group or direct.</param>
/// <param name="Members">The other members; the caller joins as owner. A direct room names exactly one user.</param>
public sealed record CreateRoomRequest(string Name, string Kind, IReadOnlyList<string> Members);
