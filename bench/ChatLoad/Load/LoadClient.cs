using ChatDapr.Contracts.Hub;
using ChatDapr.Contracts.Wire;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ChatDapr.ChatLoad.Load;

// One user's SignalR connection (MessagePack, like the load clients of both targets) recording what it receives.
public sealed class LoadClient : IAsyncDisposable
{
    private LoadClient(string userId, HubConnection connection)
    {
        UserId = userId;
        Connection = connection;
    }

    public string UserId { get; }

    public HubConnection Connection { get; }

    public static async Task<LoadClient> ConnectAsync(Uri hub, string userId, string? accessToken, LatencyRecorder? recorder)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, options =>
            {
                if (accessToken is not null)
                    options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            })
            .AddMessagePackProtocol()
            .Build();
        // Server timeouts are generous: under overload a client must not drop out and turn latency into losses.
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        if (recorder is not null)
            connection.On<Message>(nameof(IChatClient.MessageReceived), recorder.Record);
        await connection.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return new LoadClient(userId, connection);
    }

    public Task<SendAck> SendAsync(string roomId, string text) =>
        Connection.InvokeAsync<SendAck>("SendMessage", new SendMessageRequest(roomId, Guid.NewGuid().ToString("N"), text));

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
