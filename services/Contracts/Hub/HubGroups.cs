namespace ChatDapr.Contracts.Hub;

/// <summary>SignalR group names: per-recipient fan-out stays in gateway memory.</summary>
public static class HubGroups
{
    /// <summary>All connections of the members of a room: <c>room:{roomId}</c>.</summary>
    public static string Room(string roomId) => "room:" + roomId;

    /// <summary>All connections (devices) of one user: <c>user:{userId}</c>.</summary>
    public static string User(string userId) => "user:" + userId;
}
