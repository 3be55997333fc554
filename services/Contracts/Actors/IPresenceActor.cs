using ChatDapr.Contracts.Wire;
using Dapr.Actors;

namespace ChatDapr.Contracts.Actors;

/// <summary>
/// The presence of one user (actor id = user id): live connections per device and gateway instance, chosen status,
/// last seen. A connection that is not heartbeated within two heartbeat intervals expires, so the connections of a
/// dead gateway instance disappear on their own. Every method returns (or works on) presence as others see it.
/// </summary>
public interface IPresenceActor : IActor
{
    /// <summary>Registers a connection.</summary>
    Task<PresenceInfo> ConnectAsync(ConnectCommand command);

    /// <summary>Removes a connection; the last one going sets last seen.</summary>
    Task<PresenceInfo> DisconnectAsync(DisconnectCommand command);

    /// <summary>Refreshes a gateway instance's connections (see <see cref="HeartbeatCommand"/>).</summary>
    Task<PresenceInfo> HeartbeatAsync(HeartbeatCommand command);

    /// <summary>Sets the chosen status (invalid unless online, away, busy or invisible).</summary>
    Task<PresenceInfo> SetStatusAsync(SetStatusCommand command);

    /// <summary>Presence as others see it: offline without a live connection or when invisible.</summary>
    Task<PresenceInfo> GetPresenceAsync();

    /// <summary>The user's live connections (where to deliver, whether to push).</summary>
    Task<IReadOnlyList<PresenceConnection>> GetConnectionsAsync();
}
