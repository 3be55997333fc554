using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Chat;
using ChatDapr.Contracts.Messages;
using ChatDapr.Gateway.Messages;

namespace ChatDapr.Gateway.Tests.Unit;

// Rooms that exist only in memory; a call to an unknown room fails like the real actor (not_found).
internal sealed class FakeChatActors : IChatActors
{
    public Dictionary<string, FakeRoomActor> Rooms { get; } = new();
    public Dictionary<string, List<string>> RoomsOfUser { get; } = new();

    public FakeRoomActor AddRoom(string roomId, long lastSeq, params string[] members)
    {
        var room = new Room(roomId, "Room " + roomId, RoomKinds.Group, members.Select(m => new RoomMember(m, RoomRoles.Member)).ToList(), lastSeq);
        return Rooms[roomId] = new FakeRoomActor(room);
    }

    public IRoomActor Room(string roomId) => Rooms.TryGetValue(roomId, out var room) ? room : new FakeRoomActor(null);

    public IUserRoomsActor UserRooms(string userId) => new FakeUserRooms(RoomsOfUser.GetValueOrDefault(userId) ?? []);

    public IPresenceActor Presence(string userId) => throw new NotSupportedException("no presence in these tests");
}

internal sealed class FakeRoomActor(Room? room) : IRoomActor
{
    public List<SendCommand> Sends { get; } = [];

    public Task<Room> GetRoomAsync() => room is null ? throw ChatError.NotFound("no such room") : Task.FromResult(room);

    public Task<SendResult> SendMessageAsync(SendCommand command)
    {
        Sends.Add(command);
        return Task.FromResult(new SendResult(new SendAck(room!.RoomId, "m-" + command.ClientMessageId, room.LastSeq + 1, DateTimeOffset.UnixEpoch), false));
    }

    public Task<Room> CreateAsync(CreateRoomCommand command) => throw new NotSupportedException();
    public Task<Room> AddMembersAsync(AddMembersCommand command) => throw new NotSupportedException();
    public Task<Room> RemoveMemberAsync(RemoveMemberCommand command) => throw new NotSupportedException();
    public Task LeaveAsync(LeaveRoomCommand command) => throw new NotSupportedException();
    public Task<Room> SetRoleAsync(SetRoleCommand command) => throw new NotSupportedException();
    public Task<Message> EditMessageAsync(EditMessageCommand command) => throw new NotSupportedException();
    public Task<MessageDeletedEvent> DeleteMessageAsync(DeleteMessageCommand command) => throw new NotSupportedException();
    public Task<IReadOnlyList<VersionedMessage>> GetMessagesAsync(GetMessagesQuery query) => throw new NotSupportedException();
}

internal sealed class FakeUserRooms(List<string> rooms) : IUserRoomsActor
{
    public Task<IReadOnlyList<string>> GetRoomsAsync() => Task.FromResult<IReadOnlyList<string>>(rooms);
    public Task AddRoomAsync(string roomId) => throw new NotSupportedException();
    public Task RemoveRoomAsync(string roomId) => throw new NotSupportedException();
}

// Records what the gateway asks and answers from canned data.
internal sealed class FakeMessagesClient : IMessagesClient
{
    public List<object> Calls { get; } = [];
    public Dictionary<string, long> ReadSeqs { get; } = new();
    public Dictionary<string, long> MemberReadSeqs { get; } = new();

    public Task<HistoryPage> GetHistoryAsync(HistoryQuery query, CancellationToken cancellationToken)
    {
        Calls.Add(query);
        return Task.FromResult(new HistoryPage([], false));
    }

    public Task<IReadOnlyList<SyncResult>> SyncAsync(SyncQuery query, CancellationToken cancellationToken)
    {
        Calls.Add(query);
        return Task.FromResult<IReadOnlyList<SyncResult>>(query.Rooms.Select(r => new SyncResult(r.RoomId, [], false)).ToList());
    }

    public Task<ReadMarker> MarkReadAsync(ReadMarkerUpdate update, CancellationToken cancellationToken)
    {
        Calls.Add(update);
        return Task.FromResult(new ReadMarker(update.RoomId, update.UserId, update.Seq));
    }

    public Task<IReadOnlyList<RoomReadState>> GetReadStateAsync(ReadStateQuery query, CancellationToken cancellationToken)
    {
        Calls.Add(query);
        return Task.FromResult<IReadOnlyList<RoomReadState>>(
            query.RoomIds.Where(ReadSeqs.ContainsKey).Select(id => new RoomReadState(id, ReadSeqs[id])).ToList());
    }

    public Task<IReadOnlyList<MemberReadMarker>> GetRoomReadMarkersAsync(RoomReadMarkersQuery query, CancellationToken cancellationToken)
    {
        Calls.Add(query);
        return Task.FromResult<IReadOnlyList<MemberReadMarker>>(
            query.UserIds.Select(id => new MemberReadMarker(id, MemberReadSeqs.GetValueOrDefault(id))).ToList());
    }
}
