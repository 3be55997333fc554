namespace ChatDapr.Contracts.Names;

/// <summary>Dapr app-ids of the chat services (used for service invocation and actor placement).</summary>
public static class AppIds
{
    /// <summary>The client-facing gateway: SignalR hub, REST API, accounts and tokens.</summary>
    public const string Gateway = "gateway";

    /// <summary>
    /// Hosts <see cref="ActorTypes.RoomActor"/> (membership, the room sequence, idempotent send) and
    /// <see cref="ActorTypes.UserRoomsActor"/> (each user's rooms).
    /// </summary>
    public const string Rooms = "rooms";

    /// <summary>Message history, edits and deletes, read markers, search, attachments.</summary>
    public const string Messages = "messages";

    /// <summary>Hosts <see cref="ActorTypes.PresenceActor"/>: connections, status, last seen.</summary>
    public const string Presence = "presence";

    /// <summary>Push subscriptions and delivery to offline users.</summary>
    public const string Notifications = "notifications";
}
