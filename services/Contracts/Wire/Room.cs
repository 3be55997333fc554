using System.Runtime.Serialization;

namespace ChatDapr.Contracts.Wire;

/// <summary>A member of a room and their role (<see cref="RoomRoles"/>).</summary>
/// <param name="UserId">The member's user id.</param>
/// <param name="Role">owner, admin or member.</param>
[DataContract]
public sealed record RoomMember(
    [property: DataMember(Name = "userId")] string UserId,
    [property: DataMember(Name = "role")] string Role);

/// <summary>A room as returned by <c>CreateRoom</c> and pushed by <c>RoomUpdated</c>.</summary>
/// <param name="RoomId">The room id (also the <c>RoomActor</c> id).</param>
/// <param name="Name">Display name; may be empty for direct rooms.</param>
/// <param name="Kind">group or direct (<see cref="RoomKinds"/>).</param>
/// <param name="Members">All members including the caller, in join order.</param>
/// <param name="LastSeq">The seq of the room's latest message (0 before the first one).</param>
[DataContract]
public sealed record Room(
    [property: DataMember(Name = "roomId")] string RoomId,
    [property: DataMember(Name = "name")] string Name,
    [property: DataMember(Name = "kind")] string Kind,
    [property: DataMember(Name = "members")] IReadOnlyList<RoomMember> Members,
    [property: DataMember(Name = "lastSeq")] long LastSeq);

/// <summary>One entry of <c>GetRooms()</c>.</summary>
/// <param name="RoomId">The room id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">group or direct.</param>
/// <param name="LastSeq">The room's highest sequence number.</param>
/// <param name="ReadSeq">The caller's read marker in the room.</param>
/// <param name="Unread">How many messages after <paramref name="ReadSeq"/> the caller has not read.</param>
/// <param name="Members">All members with their roles, in join order: a client names a direct room after the other
/// member and shows roles without waiting for a <c>RoomUpdated</c>. Added later, so optional for older readers.</param>
[DataContract]
public sealed record RoomSummary(
    [property: DataMember(Name = "roomId")] string RoomId,
    [property: DataMember(Name = "name")] string Name,
    [property: DataMember(Name = "kind")] string Kind,
    [property: DataMember(Name = "lastSeq")] long LastSeq,
    [property: DataMember(Name = "readSeq")] long ReadSeq,
    [property: DataMember(Name = "unread")] long Unread,
    [property: DataMember(Name = "members")] IReadOnlyList<RoomMember>? Members = null);

/// <summary>Argument of the hub method <c>CreateRoom</c>.</summary>
/// <param name="Name">Display name (required for group rooms).</param>
/// <param name="Kind">group or direct.</param>
/// <param name="Members">The other members; the caller joins as owner. A direct room names exactly one user.</param>
[DataContract]
public sealed record CreateRoomRequest(
    [property: DataMember(Name = "name")] string Name,
    [property: DataMember(Name = "kind")] string Kind,
    [property: DataMember(Name = "members")] IReadOnlyList<string> Members);
