using ChatDapr.Contracts.Actors;

namespace ChatDapr.Gateway.Chat;

// The actors the gateway calls; an interface so the chat services can be unit-tested without a sidecar.
public interface IChatActors
{
    IRoomActor Room(string roomId);

    // The rooms a user belongs to (which room:{id} groups a connection joins, whom a presence change concerns).
    IUserRoomsActor UserRooms(string userId);

    IPresenceActor Presence(string userId);
}
