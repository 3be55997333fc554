namespace ChatDapr.Contracts.Actors;

/// <summary>A client connection of the user opened on a gateway instance.</summary>
/// <param name="ConnectionId">The SignalR connection id.</param>
/// <param name="DeviceId">The device the connection comes from.</param>
/// <param name="GatewayInstanceId">The gateway instance holding the connection.</param>
public sealed record ConnectCommand(string ConnectionId, string DeviceId, string GatewayInstanceId);

/// <summary>A connection of the user closed.</summary>
/// <param name="ConnectionId">The SignalR connection id.</param>
public sealed record DisconnectCommand(string ConnectionId);

/// <summary>
/// A gateway instance reports the user's connections it still holds. Listed connections are refreshed (and
/// re-registered if the actor had expired them); connections of that instance that are not listed are dropped.
/// </summary>
/// <param name="GatewayInstanceId">The reporting gateway instance.</param>
/// <param name="ConnectionIds">All of the user's connections on that instance.</param>
public sealed record HeartbeatCommand(string GatewayInstanceId, IReadOnlyList<string> ConnectionIds);

/// <summary>The user chooses a status: online, away, busy or invisible.</summary>
/// <param name="Status">One of the selectable <c>PresenceStatuses</c>.</param>
public sealed record SetStatusCommand(string Status);

/// <summary>A live connection of the user.</summary>
/// <param name="ConnectionId">The SignalR connection id.</param>
/// <param name="DeviceId">The device, or empty when only known from a heartbeat.</param>
/// <param name="GatewayInstanceId">The gateway instance holding it.</param>
public sealed record PresenceConnection(string ConnectionId, string DeviceId, string GatewayInstanceId);
