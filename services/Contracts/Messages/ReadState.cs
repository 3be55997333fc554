namespace ChatDapr.Contracts.Messages;

/// <summary>
/// Request of <see cref="MessagesRoutes.ReadState"/>: the user's read markers in the named rooms, answered as one
/// <see cref="RoomReadState"/> per requested room, in request order.
/// </summary>
/// <param name="UserId">The reader.</param>
/// <param name="RoomIds">Up to <see cref="MessagesLimits.MaxReadStateRooms"/> rooms.</param>
public sealed record ReadStateQuery(string UserId, IReadOnlyList<string> RoomIds);

/// <summary>One room of a read-state answer.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="ReadSeq">The user's read marker in the room; 0 when they have read nothing.</param>
public sealed record RoomReadState(string RoomId, long ReadSeq);
