using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Messages;
using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Messages;

namespace ChatDapr.Gateway.Chat;

// GetRooms, GetHistory, Sync, MarkRead, GetReadMarkers. History and read markers live in the messages service; the
// gateway checks membership with the room actor first and passes the room's lastSeq, so nobody reads a room they are
// not in and no answer goes beyond what the room has assigned.
public sealed class ReadQueries(IChatActors actors, RoomAccess access, IMessagesClient messages)
{
    // Per room and Sync call; a client with more to fetch sees hasMore and syncs again from its last seq.
    public const int SyncPageSize = 100;

    public async Task<IReadOnlyList<RoomSummary>> GetRoomsAsync(string userId, CancellationToken cancellationToken)
    {
        var roomIds = await actors.UserRooms(userId).GetRoomsAsync();
        var rooms = (await Concurrently.SelectAsync(roomIds, id => access.FindAsMemberAsync(id, userId), cancellationToken))
            .OfType<Room>().ToList();
        if (rooms.Count == 0)
            return [];
        var read = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in rooms.Select(r => r.RoomId).Chunk(MessagesLimits.MaxReadStateRooms))
        {
            foreach (var state in await messages.GetReadStateAsync(new ReadStateQuery(userId, chunk), cancellationToken))
                read[state.RoomId] = state.ReadSeq;
        }
        return rooms.Select(room =>
        {
            var readSeq = Math.Clamp(read.GetValueOrDefault(room.RoomId), 0, room.LastSeq);
            return new RoomSummary(room.RoomId, room.Name, room.Kind, room.LastSeq, readSeq, room.LastSeq - readSeq, room.Members);
        }).ToList();
    }

    public async Task<HistoryPage> GetHistoryAsync(string userId, string? roomId, long? beforeSeq, int limit, CancellationToken cancellationToken)
    {
        var id = Arguments.Id(roomId, "roomId");
        Arguments.Limit(limit, Arguments.MaxHistoryLimit);
        if (beforeSeq is { } before)
            Arguments.Seq(before, "beforeSeq");
        var room = await access.RequireMemberAsync(id, userId);
        return await messages.GetHistoryAsync(new HistoryQuery(id, beforeSeq, limit, room.LastSeq), cancellationToken);
    }

    // Rooms the caller is no longer a member of (or that do not exist) are left out of the answer.
    public async Task<IReadOnlyList<SyncResult>> SyncAsync(string userId, IReadOnlyList<SyncRequest>? requests, CancellationToken cancellationToken)
    {
        if (requests is null || requests.Count is 0 or > Arguments.MaxRoomsPerSync)
            throw ChatError.Invalid($"sync names 1-{Arguments.MaxRoomsPerSync} rooms");
        var wanted = requests
            .Select(r => Arguments.Required(r, "each room"))
            .Select(r => (RoomId: Arguments.Id(r.RoomId, "roomId"), AfterSeq: Arguments.Seq(r.AfterSeq, "afterSeq")))
            .DistinctBy(r => r.RoomId).ToList();
        var rooms = await Concurrently.SelectAsync(wanted, r => access.FindAsMemberAsync(r.RoomId, userId), cancellationToken);
        var query = wanted.Zip(rooms)
            .Where(pair => pair.Second is not null)
            .Select(pair => new SyncRoomQuery(pair.First.RoomId, pair.First.AfterSeq, pair.Second!.LastSeq))
            .ToList();
        return query.Count == 0 ? [] : await messages.SyncAsync(new SyncQuery(query, SyncPageSize), cancellationToken);
    }

    public async Task<ReadReceipt> MarkReadAsync(string userId, string? roomId, long seq, CancellationToken cancellationToken)
    {
        var id = Arguments.Id(roomId, "roomId");
        Arguments.Seq(seq, "seq");
        var room = await access.RequireMemberAsync(id, userId);
        if (seq > room.LastSeq)
            throw ChatError.Invalid("seq is beyond the room's last seq");
        var marker = await messages.MarkReadAsync(new ReadMarkerUpdate(id, userId, seq, room.LastSeq), cancellationToken);
        return new ReadReceipt(marker.RoomId, marker.UserId, marker.Seq);
    }

    // Every current member's marker (members as the room actor has them, so someone who left is not listed), in
    // member order, clamped to lastSeq like GetRooms: a client seeds "seen by" from it without waiting for receipts.
    public async Task<IReadOnlyList<MemberReadMarker>> GetReadMarkersAsync(string userId, string? roomId, CancellationToken cancellationToken)
    {
        var id = Arguments.Id(roomId, "roomId");
        var room = await access.RequireMemberAsync(id, userId);
        var markers = new List<MemberReadMarker>(room.Members.Count);
        foreach (var chunk in room.Members.Select(m => m.UserId).Chunk(MessagesLimits.MaxRoomReadMarkersUsers))
        {
            foreach (var marker in await messages.GetRoomReadMarkersAsync(new RoomReadMarkersQuery(id, chunk), cancellationToken))
                markers.Add(marker with { ReadSeq = Math.Clamp(marker.ReadSeq, 0, room.LastSeq) });
        }
        return markers;
    }
}
