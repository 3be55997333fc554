using System.Security.Cryptography;
using System.Text;

namespace ChatDapr.Contracts.Names;

/// <summary>Room id conventions. A room id is the id of its <see cref="ActorTypes.RoomActor"/>.</summary>
public static class RoomIds
{
    /// <summary>Prefix of direct (1:1) room ids.</summary>
    public const string DirectPrefix = "dm-";

    /// <summary>A fresh id for a group room.</summary>
    public static string NewGroup() => "g-" + Guid.CreateVersion7().ToString("N");

    /// <summary>
    /// The id of the direct room between two users. It depends only on the (unordered) pair, so creating the room
    /// from either side addresses the same actor, which makes the direct room unique per pair.
    /// </summary>
    public static string ForDirect(string userA, string userB)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userA);
        ArgumentException.ThrowIfNullOrWhiteSpace(userB);
        var (first, second) = string.CompareOrdinal(userA, userB) <= 0 ? (userA, userB) : (userB, userA);
        // Hashing keeps the id short and free of characters user ids may contain; the length prefix keeps
        // ("ab", "c") and ("a", "bc") apart.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{first.Length}:{first}{second}"));
        return DirectPrefix + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
