using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Names;
using Dapr.Actors;
using Dapr.Actors.Client;

namespace ChatDapr.Gateway.Chat;

// The factory is a CachingActorProxyFactory: one proxy per actor, reused (a new proxy per call costs JSON metadata).
public sealed class DaprChatActors(IActorProxyFactory proxies) : IChatActors
{
    public IRoomActor Room(string roomId) =>
        proxies.CreateActorProxy<IRoomActor>(new ActorId(roomId), ActorTypes.RoomActor);

    public IUserRoomsActor UserRooms(string userId) =>
        proxies.CreateActorProxy<IUserRoomsActor>(new ActorId(userId), ActorTypes.UserRoomsActor);

    public IPresenceActor Presence(string userId) =>
        proxies.CreateActorProxy<IPresenceActor>(new ActorId(userId), ActorTypes.PresenceActor);
}
