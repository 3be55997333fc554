using ChatDapr.Contracts.Actors;

namespace ChatDapr.Gateway.Chat;

// The actors the gateway calls; an interface so the chat services can be unit-tested without a sidecar.
public interface IChatActors
{
    IRoomActor Room(string roomId);

    IPresenceActor Presence(string userId);
}
