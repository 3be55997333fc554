using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Wire;

namespace ChatDapr.Gateway.Chat;

// Membership checks for reads the room actor does not serve itself (history, sync, read markers, typing).
public sealed class RoomAccess(IChatActors actors)
{
    // The room with its lastSeq; forbidden unless the user is a member, not_found when it does not exist.
    public async Task<Room> RequireMemberAsync(string roomId, string userId)
    {
        var room = await actors.Room(roomId).GetRoomAsync();
        return IsMember(room, userId) ? room : throw ChatError.Forbidden("not a member of this room");
    }

    // Null instead of an error when the room is gone or the user is not a member (for batch reads).
    public async Task<Room?> FindAsMemberAsync(string roomId, string userId)
    {
        try
        {
            return await RequireMemberAsync(roomId, userId);
        }
        catch (Exception e) when (ChatErrors.CodeOf(e) is ChatErrorCodes.Forbidden or ChatErrorCodes.NotFound)
        {
            return null;
        }
    }

    public static bool IsMember(Room room, string userId) => room.Members.Any(m => m.UserId == userId);
}
