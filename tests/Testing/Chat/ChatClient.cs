using ChatDapr.Contracts.Hub;
using ChatDapr.Contracts.Wire;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ChatDapr.Testing.Chat;

public enum WireProtocol { Json, MessagePack }

// A real SignalR client of the chat hub that records every event it receives.
public sealed class ChatClient : IAsyncDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private ChatClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<Message>(nameof(IChatClient.MessageReceived), Received.Add);
        connection.On<Message>(nameof(IChatClient.MessageEdited), Edited.Add);
        connection.On<MessageDeletedEvent>(nameof(IChatClient.MessageDeleted), Deleted.Add);
        connection.On<Room>(nameof(IChatClient.RoomUpdated), RoomUpdates.Add);
        connection.On<MemberEvent>(nameof(IChatClient.MemberJoined), Joined.Add);
        connection.On<MemberEvent>(nameof(IChatClient.MemberLeft), Left.Add);
        connection.On<ReadReceipt>(nameof(IChatClient.ReadReceipt), Receipts.Add);
        connection.On<TypingStarted>(nameof(IChatClient.TypingStarted), Typing.Add);
        connection.On<PresenceInfo>(nameof(IChatClient.PresenceChanged), Presence.Add);
        connection.Closed += _ =>
        {
            ClosedAt = DateTimeOffset.UtcNow;
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }
    public EventLog<Message> Received { get; } = new();
    public EventLog<Message> Edited { get; } = new();
    public EventLog<MessageDeletedEvent> Deleted { get; } = new();
    public EventLog<Room> RoomUpdates { get; } = new();
    public EventLog<MemberEvent> Joined { get; } = new();
    public EventLog<MemberEvent> Left { get; } = new();
    public EventLog<ReadReceipt> Receipts { get; } = new();
    public EventLog<TypingStarted> Typing { get; } = new();
    public EventLog<PresenceInfo> Presence { get; } = new();
    public DateTimeOffset? ClosedAt { get; private set; }

    // accessToken null: connect with whatever the URL carries (e.g. ?access_token=…), or nothing at all.
    public static async Task<ChatClient> ConnectAsync(Uri hubUrl, string? accessToken, WireProtocol protocol = WireProtocol.Json)
    {
        var builder = new HubConnectionBuilder().WithUrl(hubUrl, options =>
        {
            if (accessToken is not null)
                options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
        });
        if (protocol == WireProtocol.MessagePack)
            builder.AddMessagePackProtocol();
        var client = new ChatClient(builder.Build());
        try
        {
            await client.Connection.StartAsync().WithTimeout("hub connection start", CallTimeout);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
        return client;
    }

    public Task<T> Call<T>(string method, params object?[] args) =>
        Connection.InvokeCoreAsync<T>(method, args).WithTimeout("hub call " + method, CallTimeout);

    public Task Call(string method, params object?[] args) =>
        Connection.InvokeCoreAsync(method, args).WithTimeout("hub call " + method, CallTimeout);

    public Task<Room> CreateDirectAsync(string otherUserId) =>
        Call<Room>("CreateRoom", new CreateRoomRequest("", RoomKinds.Direct, [otherUserId]));

    public Task<Room> CreateGroupAsync(string name, params string[] members) =>
        Call<Room>("CreateRoom", new CreateRoomRequest(name, RoomKinds.Group, members));

    public Task<SendAck> SendAsync(string roomId, string text, string? clientMessageId = null) =>
        Call<SendAck>("SendMessage", new SendMessageRequest(roomId, clientMessageId ?? Guid.NewGuid().ToString("N"), text));

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
