using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Hub;
using ChatDapr.Gateway.Chat;
using ChatDapr.Gateway.Metrics;
using Microsoft.AspNetCore.SignalR;

namespace ChatDapr.Gateway.Connections;

// What happens when a hub connection opens or closes: groups, local tracking, presence.
public sealed partial class ConnectionLifecycle(
    LocalMembership membership,
    RoomGroups rooms,
    IChatActors actors,
    GatewayInstance instance,
    GatewayMetrics metrics,
    ILogger<ConnectionLifecycle> logger)
{
    public const int MaxDeviceLength = 64;

    public async Task ConnectedAsync(string userId, string connectionId, string? device, IGroupManager groups, CancellationToken cancellationToken)
    {
        // Tracked before the room lookup, so a member-joined handled meanwhile already finds this connection.
        membership.AddConnection(userId, connectionId);
        metrics.Connected();
        await groups.AddToGroupAsync(connectionId, HubGroups.User(userId), cancellationToken);
        foreach (var roomId in await actors.UserRooms(userId).GetRoomsAsync())
            await rooms.JoinAsync(roomId, userId);

        var deviceId = string.IsNullOrWhiteSpace(device) || device.Length > MaxDeviceLength ? connectionId : device;
        try
        {
            await actors.Presence(userId).ConnectAsync(new ConnectCommand(connectionId, deviceId, instance.Id));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Chat works without presence; the next heartbeat registers the connection again.
            LogPresenceFailed(logger, e, "connect", userId);
        }
    }

    public async Task DisconnectedAsync(string userId, string connectionId)
    {
        membership.RemoveConnection(userId, connectionId);
        metrics.Disconnected();
        try
        {
            await actors.Presence(userId).DisconnectAsync(new DisconnectCommand(connectionId));
        }
        catch (Exception e)
        {
            // The presence actor expires the connection when heartbeats stop mentioning it.
            LogPresenceFailed(logger, e, "disconnect", userId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence {Operation} for user {UserId} failed")]
    private static partial void LogPresenceFailed(ILogger logger, Exception exception, string operation, string userId);
}
