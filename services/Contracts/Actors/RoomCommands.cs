namespace ChatDapr.Contracts.Actors;

/// <summary>Creates the room addressed by the actor id.</summary>
/// <param name="Name">Display name: 1–100 characters for group rooms, free (may be empty) for direct rooms.</param>
/// <param name="Kind">group or direct (<c>RoomKinds</c>).</param>
/// <param name="OwnerId">The caller, who joins as owner.</param>
/// <param name="Members">The other members; a direct room names exactly one user other than the owner.</param>
public sealed record CreateRoomCommand(string Name, string Kind, string OwnerId, IReadOnlyList<string> Members);

/// <summary>Adds members (owner or admin only); users already in the room are left as they are.</summary>
/// <param name="ActorUserId">The caller.</param>
/// <param name="UserIds">Users to add as plain members.</param>
public sealed record AddMembersCommand(string ActorUserId, IReadOnlyList<string> UserIds);

/// <summary>Removes a member. Admins remove plain members, the owner removes anyone but themself; anyone may remove themself (leave).</summary>
/// <param name="ActorUserId">The caller.</param>
/// <param name="UserId">The member to remove.</param>
public sealed record RemoveMemberCommand(string ActorUserId, string UserId);

/// <summary>The caller leaves the room. When the owner leaves, the earliest admin (else the earliest member) becomes owner.</summary>
/// <param name="UserId">The caller.</param>
public sealed record LeaveRoomCommand(string UserId);

/// <summary>Makes a member an admin or a plain member again (owner only).</summary>
/// <param name="ActorUserId">The caller (the owner).</param>
/// <param name="UserId">The member whose role changes.</param>
/// <param name="Role">admin or member.</param>
public sealed record SetRoleCommand(string ActorUserId, string UserId, string Role);
