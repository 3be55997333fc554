using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Names;
using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Accounts;
using ChatDapr.Gateway.Connections;

namespace ChatDapr.Gateway.Chat;

// CreateRoom, AddMembers, RemoveMember, LeaveRoom: shape checks here, rules in the room actor.
public sealed class RoomCommands(IChatActors actors, IAccountLookup accounts, RoomGroups groups)
{
    public async Task<Room> CreateAsync(string userId, CreateRoomRequest? request, CancellationToken cancellationToken)
    {
        request = Arguments.Required(request, "the request");
        if (!RoomKinds.IsValid(request.Kind))
            throw ChatError.Invalid("kind must be 'group' or 'direct'");
        var direct = request.Kind == RoomKinds.Direct;
        var others = Arguments.Ids(request.Members ?? [], "members", direct ? 1 : 0, Arguments.MaxUsersPerCall)
            .Where(id => id != userId).ToList();
        if (direct && others.Count != 1)
            throw ChatError.Invalid("a direct room names exactly one other user");
        await RequireAccountsAsync(others, cancellationToken);

        var roomId = direct ? RoomIds.ForDirect(userId, others[0]) : RoomIds.NewGroup();
        var room = await actors.Room(roomId).CreateAsync(new CreateRoomCommand(request.Name ?? "", request.Kind, userId, others));
        // The caller's connections here join at once, so a message sent right after the ack reaches their other
        // devices even before the room-updated event arrives.
        await groups.JoinAsync(room.RoomId, userId);
        return room;
    }

    public async Task<Room> AddMembersAsync(string userId, string? roomId, IReadOnlyList<string>? userIds, CancellationToken cancellationToken)
    {
        var room = Arguments.Id(roomId, "roomId");
        var added = Arguments.Ids(userIds, "userIds", 1, Arguments.MaxUsersPerCall);
        await RequireAccountsAsync(added, cancellationToken);
        return await actors.Room(room).AddMembersAsync(new AddMembersCommand(userId, added));
    }

    public Task<Room> RemoveMemberAsync(string userId, string? roomId, string? memberId) =>
        actors.Room(Arguments.Id(roomId, "roomId")).RemoveMemberAsync(new RemoveMemberCommand(userId, Arguments.Id(memberId, "userId")));

    public Task LeaveAsync(string userId, string? roomId) =>
        actors.Room(Arguments.Id(roomId, "roomId")).LeaveAsync(new LeaveRoomCommand(userId));

    private async Task RequireAccountsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
            return;
        var missing = await accounts.MissingAsync(userIds, cancellationToken);
        if (missing.Count > 0)
            throw ChatError.NotFound($"no such user: {missing[0]}");
    }
}
