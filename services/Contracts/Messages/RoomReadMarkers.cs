namespace ChatDapr.Contracts.Messages;

/// <summary>
/// Request of <see cref="MessagesRoutes.RoomReadMarkers"/>: the read markers of the named users in one room, answered
/// as one <c>MemberReadMarker</c> per requested user, in request order (0 for a user who has read nothing).
/// </summary>
/// <param name="RoomId">The room.</param>
/// <param name="UserIds">Up to <see cref="MessagesLimits.MaxRoomReadMarkersUsers"/> users (the caller passes the room's
/// current members).</param>
public sealed record RoomReadMarkersQuery(string RoomId, IReadOnlyList<string> UserIds);
