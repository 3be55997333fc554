namespace ChatDapr.Contracts.Messages;

/// <summary>
/// Request of <see cref="MessagesRoutes.Sync"/>: per room, up to <paramref name="Limit"/> messages after its
/// <c>AfterSeq</c>, answered as one <c>SyncResult</c> per requested room, in request order. <c>hasMore</c> is true
/// when messages up to the room's <c>LastSeq</c> remain; the client syncs again from the last seq it got.
/// </summary>
/// <param name="Rooms">Up to <see cref="MessagesLimits.MaxSyncRooms"/> rooms.</param>
/// <param name="Limit">Per room, 1–<see cref="MessagesLimits.MaxPageSize"/>.</param>
public sealed record SyncQuery(IReadOnlyList<SyncRoomQuery> Rooms, int Limit);

/// <summary>One room of a <see cref="SyncQuery"/>.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="AfterSeq">The highest seq the client has seen (0 for none).</param>
/// <param name="LastSeq">The room's last seq as the room actor reported it; messages up to it are always included.</param>
public sealed record SyncRoomQuery(string RoomId, long AfterSeq, long LastSeq);
