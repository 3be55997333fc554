using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Hub;
using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Chat;
using ChatDapr.Gateway.Connections;
using ChatDapr.Gateway.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace ChatDapr.Gateway.Fanout;

// PresenceChanged to the users connected here who share a room with the user, once each (through user:{id}, since a
// user in several shared rooms must not hear it several times).
public sealed class PresenceChangedHandler(
    IChatActors actors, LocalMembership membership, IHubContext<ChatHub, IChatClient> hub)
    : IFanoutHandler<PresenceChangedIntegrationEvent>
{
    public async Task HandleAsync(PresenceChangedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var userId = integrationEvent.UserId;
        var rooms = await actors.UserRooms(userId).GetRoomsAsync();
        var recipients = rooms.SelectMany(membership.UsersIn)
            .Where(u => u != userId)
            .Distinct(StringComparer.Ordinal)
            .Select(HubGroups.User)
            .ToList();
        if (recipients.Count > 0)
        {
            await hub.Clients.Groups(recipients)
                .PresenceChanged(new PresenceInfo(userId, integrationEvent.Status, integrationEvent.LastSeen));
        }
    }
}
