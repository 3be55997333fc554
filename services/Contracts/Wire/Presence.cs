using System.Runtime.Serialization;

namespace ChatDapr.Contracts.Wire;

/// <summary>Values of <see cref="PresenceInfo.Status"/>.</summary>
public static class PresenceStatuses
{
    /// <summary>Connected and available.</summary>
    public const string Online = "online";

    /// <summary>Connected, away.</summary>
    public const string Away = "away";

    /// <summary>Connected, do not disturb.</summary>
    public const string Busy = "busy";

    /// <summary>Connected but shown to others as <see cref="Offline"/>; only a user can choose it for themself.</summary>
    public const string Invisible = "invisible";

    /// <summary>No live connection (or invisible). Never chosen by a client.</summary>
    public const string Offline = "offline";

    /// <summary>Whether a client may choose <paramref name="status"/> with <c>SetStatus</c>.</summary>
    public static bool IsSelectable(string? status) => status is Online or Away or Busy or Invisible;
}

/// <summary>A user's presence as others see it (<c>GetPresence</c>, <c>PresenceChanged</c>).</summary>
/// <param name="UserId">The user.</param>
/// <param name="Status">online, away, busy or offline (an invisible user is reported offline).</param>
/// <param name="LastSeen">When the user's last connection ended; null if never.</param>
[DataContract]
public sealed record PresenceInfo(
    [property: DataMember(Name = "userId")] string UserId,
    [property: DataMember(Name = "status")] string Status,
    [property: DataMember(Name = "lastSeen")] DateTimeOffset? LastSeen);
