using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Names;
using Dapr.Client;

namespace ChatDapr.Gateway.Chat;

// Typing is ephemeral: published to chat-fanout only (no background consumer wants it), throttled per user and room.
public sealed class TypingCommands(TypingThrottle throttle, RoomAccess access, DaprClient dapr)
{
    public async Task TypingAsync(string userId, string? roomId, CancellationToken cancellationToken)
    {
        var id = Arguments.Id(roomId, "roomId");
        if (!throttle.TryEnter(userId, id))
            return;
        await access.RequireMemberAsync(id, userId);
        var typing = new TypingStartedIntegrationEvent(Guid.NewGuid().ToString("N"), id, userId);
        await dapr.PublishEventAsync(DaprComponents.Fanout, Topics.TypingStarted, typing, cancellationToken);
    }
}
