using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Hub;
using ChatDapr.Gateway.Connections;
using ChatDapr.Gateway.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace ChatDapr.Gateway.Fanout;

// The snapshot brings room:{id} on this instance to exactly the room's members, then everyone in it gets RoomUpdated.
// Snapshots older than one already applied are ignored (their version is lower).
public sealed class RoomUpdatedHandler(
    LocalMembership membership, RoomGroups groups, IHubContext<ChatHub, IChatClient> hub)
    : IFanoutHandler<RoomUpdatedIntegrationEvent>
{
    public async Task HandleAsync(RoomUpdatedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var room = integrationEvent.Room;
        if (membership.IsStale(room.RoomId, integrationEvent.Version))
            return;
        await groups.ReconcileAsync(room);
        membership.RecordVersion(room.RoomId, integrationEvent.Version);
        await hub.Clients.Group(HubGroups.Room(room.RoomId)).RoomUpdated(room);
    }
}
