using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Wire;

namespace ChatDapr.Rooms.Domain;

// Who may change a room's members and roles. Every method returns the room after the change (Version + 1) or the
// same instance when nothing changes, so repeated requests are harmless.
public static class MembershipRules
{
    public static MemberRecord RequireMember(RoomRecord room, string? userId) =>
        (userId is null ? null : room.FindMember(userId)) ?? throw ChatError.Forbidden("not a member of this room");

    public static (RoomRecord Room, IReadOnlyList<string> Added) AddMembers(
        RoomRecord room, string actorUserId, IReadOnlyList<string>? userIds, DateTimeOffset now, int maxMembers)
    {
        RequireGroup(room);
        RequireManager(room, actorUserId);
        if (userIds is null || userIds.Count == 0 || userIds.Any(string.IsNullOrWhiteSpace))
            throw ChatError.Invalid("user ids are required");
        var added = userIds.Distinct().Where(id => room.FindMember(id) is null).ToList();
        if (added.Count == 0)
            return (room, added);
        if (room.Members.Count + added.Count > maxMembers)
            throw ChatError.Invalid($"a room has at most {maxMembers} members");
        var members = room.Members.Concat(added.Select(id => new MemberRecord(id, RoomRoles.Member, now))).ToList();
        return (room with { Members = members, Version = room.Version + 1 }, added);
    }

    public static (RoomRecord Room, bool Removed) Remove(RoomRecord room, string actorUserId, string userId)
    {
        if (actorUserId == userId)
            return Leave(room, userId);
        RequireGroup(room);
        var actor = RequireManager(room, actorUserId);
        var target = room.FindMember(userId);
        if (target is null)
            return (room, false);
        if (target.Role == RoomRoles.Owner)
            throw ChatError.Forbidden("the owner cannot be removed");
        if (target.Role == RoomRoles.Admin && actor.Role != RoomRoles.Owner)
            throw ChatError.Forbidden("only the owner removes admins");
        return (Without(room, userId), true);
    }

    public static (RoomRecord Room, bool Removed) Leave(RoomRecord room, string userId)
    {
        RequireGroup(room);
        var leaver = room.FindMember(userId);
        if (leaver is null)
            return (room, false);
        var rest = Without(room, userId);
        if (leaver.Role != RoomRoles.Owner || rest.Members.Count == 0)
            return (rest, true);
        // A room always keeps an owner while it has members: the longest-serving admin, else member, inherits.
        var heir = rest.Members.FirstOrDefault(m => m.Role == RoomRoles.Admin) ?? rest.Members[0];
        return (WithRole(rest, heir.UserId, RoomRoles.Owner), true);
    }

    public static (RoomRecord Room, bool Changed) SetRole(RoomRecord room, string actorUserId, string userId, string role)
    {
        RequireGroup(room);
        if (role is not (RoomRoles.Admin or RoomRoles.Member))
            throw ChatError.Invalid("role must be 'admin' or 'member'");
        if (RequireMember(room, actorUserId).Role != RoomRoles.Owner)
            throw ChatError.Forbidden("only the owner changes roles");
        var target = room.FindMember(userId) ?? throw ChatError.NotFound("no such member");
        if (target.Role == RoomRoles.Owner)
            throw ChatError.Forbidden("the owner's role cannot be changed");
        return target.Role == role ? (room, false) : (WithRole(room, userId, role) with { Version = room.Version + 1 }, true);
    }

    private static MemberRecord RequireManager(RoomRecord room, string actorUserId)
    {
        var actor = RequireMember(room, actorUserId);
        return RoomRoles.CanManage(actor.Role) ? actor : throw ChatError.Forbidden("only the owner or an admin may do this");
    }

    private static void RequireGroup(RoomRecord room)
    {
        if (room.Kind == RoomKinds.Direct)
            throw ChatError.Invalid("the members of a direct room cannot change");
    }

    private static RoomRecord Without(RoomRecord room, string userId) =>
        room with { Members = room.Members.Where(m => m.UserId != userId).ToList(), Version = room.Version + 1 };

    private static RoomRecord WithRole(RoomRecord room, string userId, string role) =>
        room with { Members = room.Members.Select(m => m.UserId == userId ? m with { Role = role } : m).ToList() };
}
