using Dapr.Actors;

namespace ChatDapr.Contracts.Actors;

/// <summary>
/// The rooms one user belongs to (actor id = user id). Only room actors change it, from within the turn that changes
/// the membership and before that change is acknowledged, so <see cref="GetRoomsAsync"/> right after a create, add,
/// remove or leave already reflects it. Adding or removing twice changes nothing.
/// </summary>
public interface IUserRoomsActor : IActor
{
    /// <summary>Records that the user belongs to <paramref name="roomId"/>.</summary>
    Task AddRoomAsync(string roomId);

    /// <summary>Records that the user no longer belongs to <paramref name="roomId"/>.</summary>
    Task RemoveRoomAsync(string roomId);

    /// <summary>The user's room ids, in the order the user joined them.</summary>
    Task<IReadOnlyList<string>> GetRoomsAsync();
}
