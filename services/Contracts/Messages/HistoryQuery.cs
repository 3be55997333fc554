namespace ChatDapr.Contracts.Messages;

/// <summary>
/// Request of <see cref="MessagesRoutes.History"/>: the page of up to <paramref name="Limit"/> messages just before
/// <paramref name="BeforeSeq"/> (or the latest ones), answered as a <c>HistoryPage</c> in ascending seq whose
/// <c>hasMore</c> says whether older messages exist. Every message up to <paramref name="LastSeq"/> is included even
/// when its event has not reached the messages service yet (read-your-writes).
/// </summary>
/// <param name="RoomId">The room.</param>
/// <param name="BeforeSeq">Only messages with a smaller seq; null for the latest page.</param>
/// <param name="Limit">1–<see cref="MessagesLimits.MaxPageSize"/>.</param>
/// <param name="LastSeq">The room's last seq as the room actor reported it (<c>IRoomActor.GetRoomAsync</c>).</param>
public sealed record HistoryQuery(string RoomId, long? BeforeSeq, int Limit, long LastSeq);
