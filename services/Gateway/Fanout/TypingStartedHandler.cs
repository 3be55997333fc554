using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Hub;
using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Connections;
using ChatDapr.Gateway.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace ChatDapr.Gateway.Fanout;

// TypingStarted to the room, except the typer's own connections.
public sealed class TypingStartedHandler(LocalMembership membership, IHubContext<ChatHub, IChatClient> hub)
    : IFanoutHandler<TypingStartedIntegrationEvent>
{
    public Task HandleAsync(TypingStartedIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        hub.Clients.GroupExcept(HubGroups.Room(integrationEvent.RoomId), membership.ConnectionsOf(integrationEvent.UserId))
            .TypingStarted(new TypingStarted(integrationEvent.RoomId, integrationEvent.UserId));
}
