namespace ChatDapr.Contracts.Wire;

/// <summary>Values of <see cref="RoomMember.Role"/>.</summary>
public static class RoomRoles
{
    /// <summary>The creator (or successor): manages members and admins, cannot be removed by others.</summary>
    public const string Owner = "owner";

    /// <summary>May add members and remove plain members, and delete any message.</summary>
    public const string Admin = "admin";

    /// <summary>May read, post, edit and delete their own messages, and leave.</summary>
    public const string Member = "member";

    /// <summary>Whether <paramref name="role"/> is owner or admin.</summary>
    public static bool CanManage(string? role) => role is Owner or Admin;
}
