using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Names;
using Dapr.Actors;
using Dapr.Actors.Client;

namespace ChatDapr.Rooms.Actors;

// The production index: one UserRoomsActor per user, called through the DI proxy factory, which carries the actor
// runtime's JSON settings (UseJsonSerialization, ChatJson.Options).
public sealed class ActorUserRoomsIndex(IActorProxyFactory proxies) : IUserRoomsIndex
{
    // Different users are different actors, so their updates may run side by side; the cap keeps a large AddMembers
    // from flooding the sidecar.
    private const int MaxParallelCalls = 16;

    public Task AddAsync(string roomId, IReadOnlyCollection<string> userIds) =>
        ForEachUserAsync(userIds, user => user.AddRoomAsync(roomId));

    public Task RemoveAsync(string roomId, IReadOnlyCollection<string> userIds) =>
        ForEachUserAsync(userIds, user => user.RemoveRoomAsync(roomId));

    private async Task ForEachUserAsync(IReadOnlyCollection<string> userIds, Func<IUserRoomsActor, Task> call)
    {
        if (userIds.Count == 1)
        {
            await call(Proxy(userIds.First()));
            return;
        }
        await Parallel.ForEachAsync(userIds, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelCalls },
            async (userId, _) => await call(Proxy(userId)));
    }

    private IUserRoomsActor Proxy(string userId) =>
        proxies.CreateActorProxy<IUserRoomsActor>(new ActorId(userId), ActorTypes.UserRoomsActor);
}
