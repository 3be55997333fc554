namespace ChatDapr.Contracts.Events;

/// <summary>Deterministic event ids, so a re-published event keeps its id.</summary>
public static class EventIds
{
    /// <summary>The event at position <paramref name="seq"/> of a room sequence (post, edit or delete).</summary>
    public static string ForRoomSeq(string roomId, long seq) => $"{roomId}/seq/{seq}";

    /// <summary>A change of a room's members, roles or name, identified by the room's version after it.</summary>
    public static string ForRoomVersion(string roomId, long version, string kind) => $"{roomId}/v{version}/{kind}";

    /// <summary>A change of a user's visible presence, identified by the user's presence version after it.</summary>
    public static string ForPresenceVersion(string userId, long version) => $"{userId}/presence/{version}";
}
