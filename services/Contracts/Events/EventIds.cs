namespace ChatDapr.Contracts.Events;

/// <summary>Deterministic event ids, so a re-published event keeps its id.</summary>
public static class EventIds
{
    /// <summary>The post of the message at position <paramref name="seq"/> of a room sequence.</summary>
    public static string ForRoomSeq(string roomId, long seq) => $"{roomId}/seq/{seq}";

    /// <summary>The edit or delete that made <paramref name="version"/> of a message (versions start at 1 with the post).</summary>
    public static string ForMessageVersion(string roomId, string messageId, long version) => $"{roomId}/{messageId}/v{version}";

    /// <summary>A move of a member's read marker to <paramref name="seq"/> (markers only move forward).</summary>
    public static string ForReadMarker(string roomId, string userId, long seq) => $"{roomId}/read/{userId}/{seq}";

    /// <summary>A change of a room's members, roles or name, identified by the room's version after it.</summary>
    public static string ForRoomVersion(string roomId, long version, string kind) => $"{roomId}/v{version}/{kind}";

    /// <summary>A change of a user's visible presence, identified by the user's presence version after it.</summary>
    public static string ForPresenceVersion(string userId, long version) => $"{userId}/presence/{version}";
}
