using ChatDapr.Contracts.Wire;

namespace ChatDapr.Gateway.Connections;

// The rooms a user belongs to (which room:{id} groups a new connection joins, whom a presence change concerns).
public interface IUserRoomsDirectory
{
    Task<IReadOnlyList<string>> GetRoomIdsAsync(string userId, CancellationToken cancellationToken);

    // Every room snapshot the gateway receives (room-updated) is shown to the directory; one that is kept by the
    // rooms service ignores it, one the gateway keeps itself learns from it.
    void Observe(Room room, long version);
}
