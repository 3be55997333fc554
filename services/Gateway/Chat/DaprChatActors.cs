using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Names;
using Dapr.Actors;
using Dapr.Actors.Client;

namespace ChatDapr.Gateway.Chat;

// Proxies are cheap (no I/O until a call), so one is created per call.
public sealed class DaprChatActors(IActorProxyFactory proxies) : IChatActors
{
    public IRoomActor Room(string roomId) =>
        proxies.CreateActorProxy<IRoomActor>(new ActorId(roomId), ActorTypes.RoomActor);

    public IUserRoomsActor UserRooms(string userId) =>
        proxies.CreateActorProxy<IUserRoomsActor>(new ActorId(userId), ActorTypes.UserRoomsActor);

    public IPresenceActor Presence(string userId) =>
        proxies.CreateActorProxy<IPresenceActor>(new ActorId(userId), ActorTypes.PresenceActor);
}
