using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Hub;
using ChatDapr.Gateway.Connections;
using ChatDapr.Gateway.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace ChatDapr.Gateway.Fanout;

// MessageEdited to the members at the time of the edit.
public sealed class MessageEditedHandler(RoomGroups groups, IHubContext<ChatHub, IChatClient> hub)
    : IFanoutHandler<MessageEditedIntegrationEvent>
{
    public Task HandleAsync(MessageEditedIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        groups.AudienceOf(integrationEvent.RoomId, integrationEvent.MemberIds)
            .SendAsync(hub.Clients, client => client.MessageEdited(integrationEvent.Message));
}
