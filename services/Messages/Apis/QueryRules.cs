using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Messages;

namespace ChatDapr.Messages.Apis;

// What the internal API accepts. The gateway validates client input too; these checks keep a bad call from
// reaching the store or the room actor.
public static class QueryRules
{
    public static HistoryQuery Validate(HistoryQuery? query)
    {
        if (query is null)
            throw ChatError.Invalid("a history query is required");
        RequireId(query.RoomId, "roomId");
        RequireLimit(query.Limit);
        RequireSeq(query.LastSeq, "lastSeq");
        if (query.BeforeSeq is < 1)
            throw ChatError.Invalid("beforeSeq must be at least 1");
        return query;
    }

    public static SyncQuery Validate(SyncQuery? query)
    {
        if (query?.Rooms is null)
            throw ChatError.Invalid("a sync query with rooms is required");
        RequireLimit(query.Limit);
        if (query.Rooms.Count > MessagesLimits.MaxSyncRooms)
            throw ChatError.Invalid($"at most {MessagesLimits.MaxSyncRooms} rooms per sync");
        foreach (var room in query.Rooms)
        {
            if (room is null)
                throw ChatError.Invalid("rooms must not contain null");
            RequireId(room.RoomId, "roomId");
            RequireSeq(room.AfterSeq, "afterSeq");
            RequireSeq(room.LastSeq, "lastSeq");
        }
        return query;
    }

    public static ReadMarkerUpdate Validate(ReadMarkerUpdate? update)
    {
        if (update is null)
            throw ChatError.Invalid("a read marker is required");
        RequireId(update.RoomId, "roomId");
        RequireId(update.UserId, "userId");
        RequireSeq(update.Seq, "seq");
        RequireSeq(update.LastSeq, "lastSeq");
        return update;
    }

    public static ReadStateQuery Validate(ReadStateQuery? query)
    {
        if (query?.RoomIds is null)
            throw ChatError.Invalid("a read-state query with roomIds is required");
        RequireId(query.UserId, "userId");
        RequireIds(query.RoomIds, MessagesLimits.MaxReadStateRooms, "roomIds", "rooms per read-state query");
        return query;
    }

    public static RoomReadMarkersQuery Validate(RoomReadMarkersQuery? query)
    {
        if (query?.UserIds is null)
            throw ChatError.Invalid("a room-read-markers query with userIds is required");
        RequireId(query.RoomId, "roomId");
        RequireIds(query.UserIds, MessagesLimits.MaxRoomReadMarkersUsers, "userIds", "users per room-read-markers query");
        return query;
    }

    private static void RequireIds(IReadOnlyList<string> ids, int max, string name, string limitText)
    {
        if (ids.Count > max)
            throw ChatError.Invalid($"at most {max} {limitText}");
        foreach (var id in ids)
            RequireId(id, name);
    }

    private static void RequireId(string? id, string name)
    {
        if (string.IsNullOrWhiteSpace(id))
            throw ChatError.Invalid($"{name} is required");
    }

    private static void RequireLimit(int limit)
    {
        if (limit is < 1 or > MessagesLimits.MaxPageSize)
            throw ChatError.Invalid($"limit must be 1-{MessagesLimits.MaxPageSize}");
    }

    private static void RequireSeq(long seq, string name)
    {
        if (seq < 0)
            throw ChatError.Invalid($"{name} must not be negative");
    }
}
