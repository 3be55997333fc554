namespace ChatDapr.Rooms.Actors;

// Where the room actor records which rooms a user belongs to. Calls are idempotent: the room actor repeats them on
// every retried membership request, which heals a crash between saving the room and updating the index.
public interface IUserRoomsIndex
{
    Task AddAsync(string roomId, IReadOnlyCollection<string> userIds);

    Task RemoveAsync(string roomId, IReadOnlyCollection<string> userIds);
}
