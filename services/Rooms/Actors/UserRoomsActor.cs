using ChatDapr.Contracts.Actors;
using Dapr.Actors.Runtime;

namespace ChatDapr.Rooms.Actors;

// The rooms of one user, as one list in join order. Only room actors write it, and they repeat writes on retries, so
// adding a present room or removing an absent one must change nothing.
public sealed class UserRoomsActor : Actor, IUserRoomsActor
{
    public const string RoomsKey = "rooms";

    // stateManager: unit tests hand in an in-memory manager; the actor runtime passes nothing.
    public UserRoomsActor(ActorHost host, IActorStateManager? stateManager = null)
        : base(host)
    {
        if (stateManager is not null)
            StateManager = stateManager;
    }

    public async Task AddRoomAsync(string roomId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roomId);
        var rooms = await RoomsAsync();
        if (rooms.Contains(roomId))
            return;
        await StateManager.SetStateAsync(RoomsKey, rooms.Append(roomId).ToList());
    }

    public async Task RemoveRoomAsync(string roomId)
    {
        var rooms = await RoomsAsync();
        if (!rooms.Contains(roomId))
            return;
        await StateManager.SetStateAsync(RoomsKey, rooms.Where(r => r != roomId).ToList());
    }

    public async Task<IReadOnlyList<string>> GetRoomsAsync() => await RoomsAsync();

    private async Task<List<string>> RoomsAsync()
    {
        var rooms = await StateManager.TryGetStateAsync<List<string>>(RoomsKey);
        return rooms.HasValue ? rooms.Value : [];
    }
}
