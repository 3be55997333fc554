using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Metrics;

namespace ChatDapr.Gateway.Chat;

// SendMessage, EditMessage, DeleteMessage. The room actor assigns the seq, persists, publishes, then answers, so the
// ack returned here is durable; the same clientMessageId always yields the same ack.
public sealed class MessageCommands(IChatActors actors, GatewayMetrics metrics)
{
    public const int MaxAttachments = 10;

    public async Task<SendAck> SendAsync(string userId, SendMessageRequest? request)
    {
        request = Arguments.Required(request, "the request");
        var roomId = Arguments.Id(request.RoomId, "roomId");
        var clientMessageId = Arguments.Id(request.ClientMessageId, "clientMessageId");
        if (request.Attachments is { Count: > MaxAttachments })
            throw Contracts.Errors.ChatError.Invalid($"a message has at most {MaxAttachments} attachments");
        var replyTo = request.ReplyTo is null ? null : Arguments.Id(request.ReplyTo, "replyTo");
        var result = await actors.Room(roomId).SendMessageAsync(
            new SendCommand(userId, clientMessageId, Arguments.Text(request.Text), replyTo, request.Attachments));
        metrics.Sent();
        return result.Ack;
    }

    public Task<Message> EditAsync(string userId, string? roomId, string? messageId, string? text) =>
        actors.Room(Arguments.Id(roomId, "roomId")).EditMessageAsync(
            new EditMessageCommand(userId, Arguments.Id(messageId, "messageId"), Arguments.Text(text)));

    public Task<MessageDeletedEvent> DeleteAsync(string userId, string? roomId, string? messageId) =>
        actors.Room(Arguments.Id(roomId, "roomId")).DeleteMessageAsync(
            new DeleteMessageCommand(userId, Arguments.Id(messageId, "messageId")));
}
