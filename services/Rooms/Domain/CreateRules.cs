using System.Security.Cryptography;
using System.Text;
using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Names;
using ChatDapr.Contracts.Wire;

namespace ChatDapr.Rooms.Domain;

// Validation of a room creation and what "recreated identically" means.
public static class CreateRules
{
    public const int MaxNameLength = 100;

    public static RoomRecord NewRoom(string roomId, CreateRoomCommand command, DateTimeOffset now, int maxMembers)
    {
        var others = Validate(roomId, command, maxMembers);
        var members = new List<MemberRecord> { new(command.OwnerId, RoomRoles.Owner, now) };
        members.AddRange(others.Select(userId => new MemberRecord(userId, RoomRoles.Member, now)));
        return new RoomRecord(roomId, NameOf(command), command.Kind, now, members, Version: 1, Fingerprint(command, others));
    }

    // A direct room is the same whoever creates it and whatever name they give; a group room is the same when
    // owner, name and initial members match.
    public static bool IsSameCreation(RoomRecord existing, string roomId, CreateRoomCommand command, int maxMembers) =>
        existing.Fingerprint == Fingerprint(command, Validate(roomId, command, maxMembers));

    private static string NameOf(CreateRoomCommand command) => (command.Name ?? "").Trim();

    private static List<string> Validate(string roomId, CreateRoomCommand command, int maxMembers)
    {
        if (!RoomKinds.IsValid(command.Kind))
            throw ChatError.Invalid("kind must be 'group' or 'direct'");
        if (string.IsNullOrWhiteSpace(command.OwnerId))
            throw ChatError.Invalid("owner is required");
        if (command.Members is null || command.Members.Any(string.IsNullOrWhiteSpace))
            throw ChatError.Invalid("members must be user ids");
        var name = NameOf(command);
        if (name.Length > MaxNameLength)
            throw ChatError.Invalid($"name must be at most {MaxNameLength} characters");
        var others = command.Members.Where(m => m != command.OwnerId).Distinct().ToList();
        return command.Kind == RoomKinds.Direct
            ? ValidateDirect(roomId, command, others)
            : ValidateGroup(roomId, name, others, maxMembers);
    }

    private static List<string> ValidateDirect(string roomId, CreateRoomCommand command, List<string> others)
    {
        if (command.Members.Count != 1 || others.Count != 1)
            throw ChatError.Invalid("a direct room names exactly one other user");
        // The id must be the pair's id, otherwise a second direct room for the same pair could exist.
        if (roomId != RoomIds.ForDirect(command.OwnerId, others[0]))
            throw ChatError.Invalid("a direct room's id must be RoomIds.ForDirect of its two users");
        return others;
    }

    private static List<string> ValidateGroup(string roomId, string name, List<string> others, int maxMembers)
    {
        // Otherwise a group could squat the id of a pair's future direct room.
        if (roomId.StartsWith(RoomIds.DirectPrefix, StringComparison.Ordinal))
            throw ChatError.Invalid("a group room cannot use a direct room id");
        if (name.Length == 0)
            throw ChatError.Invalid("a group room needs a name");
        if (others.Count + 1 > maxMembers)
            throw ChatError.Invalid($"a room has at most {maxMembers} members");
        return others;
    }

    private static string Fingerprint(CreateRoomCommand command, List<string> others)
    {
        var canonical = command.Kind == RoomKinds.Direct
            ? string.Join('\n', new[] { command.OwnerId, others[0] }.Order(StringComparer.Ordinal))
            : string.Join('\n', [command.OwnerId, NameOf(command), .. others.Order(StringComparer.Ordinal)]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(command.Kind + "\n" + canonical)));
    }
}
