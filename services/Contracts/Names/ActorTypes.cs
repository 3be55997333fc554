namespace ChatDapr.Contracts.Names;

/// <summary>
/// Dapr actor type names. Actors are invoked with JSON serialization
/// (<c>ActorProxyOptions.UseJsonSerialization = true</c> on the caller, <c>ActorRuntimeOptions.UseJsonSerialization = true</c>
/// on the host), so every actor method takes at most one argument.
/// </summary>
public static class ActorTypes
{
    /// <summary>One actor per room; the actor id is the room id.</summary>
    public const string RoomActor = "RoomActor";

    /// <summary>One actor per user; the actor id is the user id.</summary>
    public const string PresenceActor = "PresenceActor";

    /// <summary>
    /// One actor per user (actor id = user id) listing the rooms the user belongs to; hosted by the rooms app and kept
    /// up to date by the room actors.
    /// </summary>
    public const string UserRoomsActor = "UserRoomsActor";
}
