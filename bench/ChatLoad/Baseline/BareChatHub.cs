using ChatDapr.Contracts.Hub;
using ChatDapr.Contracts.Wire;
using Microsoft.AspNetCore.SignalR;

namespace ChatDapr.ChatLoad.Baseline;

// The baseline: the same client contract for the calls the load uses (SendMessage returns a SendAck, members receive
// MessageReceived through the room:{id} group) with nothing behind it — no Dapr, no actor, no storage, no pub/sub.
public sealed class BareChatHub(RoomSequences sequences) : Hub
{
    // ChatDapr joins members to the group when the room is created; here the client asks for it.
    public Task Join(string roomId) => Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Room(roomId));

    public async Task<SendAck> SendMessage(SendMessageRequest request)
    {
        var message = new Message(request.RoomId, Guid.NewGuid().ToString("N"), sequences.Next(request.RoomId),
            Context.ConnectionId, request.Text, DateTimeOffset.UtcNow);
        await Clients.Group(HubGroups.Room(request.RoomId)).SendAsync(nameof(IChatClient.MessageReceived), message);
        return new SendAck(message.RoomId, message.MessageId, message.Seq, message.SentAt);
    }
}
