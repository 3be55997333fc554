using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Hub;
using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace ChatDapr.Gateway.Fanout;

// ReadReceipt to the room (the reader's other devices included, so they clear their unread count).
public sealed class ReadMarkerUpdatedHandler(IHubContext<ChatHub, IChatClient> hub) : IFanoutHandler<ReadMarkerUpdatedIntegrationEvent>
{
    public Task HandleAsync(ReadMarkerUpdatedIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        hub.Clients.Group(HubGroups.Room(integrationEvent.RoomId))
            .ReadReceipt(new ReadReceipt(integrationEvent.RoomId, integrationEvent.UserId, integrationEvent.Seq));
}
