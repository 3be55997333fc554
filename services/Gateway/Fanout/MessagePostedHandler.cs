using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Hub;
using ChatDapr.Gateway.Connections;
using ChatDapr.Gateway.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace ChatDapr.Gateway.Fanout;

// MessageReceived to the members connected here, as the event's member list says (invariant 6).
public sealed class MessagePostedHandler(RoomGroups groups, IHubContext<ChatHub, IChatClient> hub)
    : IFanoutHandler<MessagePostedIntegrationEvent>
{
    public Task HandleAsync(MessagePostedIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        groups.AudienceOf(integrationEvent.Message.RoomId, integrationEvent.MemberIds)
            .SendAsync(hub.Clients, client => client.MessageReceived(integrationEvent.Message));
}
