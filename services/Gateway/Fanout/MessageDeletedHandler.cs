using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Hub;
using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Connections;
using ChatDapr.Gateway.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace ChatDapr.Gateway.Fanout;

// MessageDeleted (with the deleted message's own seq) to the members at the time of the delete.
public sealed class MessageDeletedHandler(RoomGroups groups, IHubContext<ChatHub, IChatClient> hub)
    : IFanoutHandler<MessageDeletedIntegrationEvent>
{
    public Task HandleAsync(MessageDeletedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var deleted = new MessageDeletedEvent(integrationEvent.RoomId, integrationEvent.MessageId, integrationEvent.Seq);
        return groups.AudienceOf(integrationEvent.RoomId, integrationEvent.MemberIds)
            .SendAsync(hub.Clients, client => client.MessageDeleted(deleted));
    }
}
