using System.Collections.Concurrent;
using ChatDapr.Contracts.Hub;
using ChatDapr.Contracts.Wire;
using ChatDapr.Reliability.Tests.Checking;
using ChatDapr.Testing.Chat;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatDapr.Reliability.Tests.Model;

/// <summary>
/// A chat client that behaves like a real one under faults: when its connection drops it reconnects to the next
/// gateway in its list and syncs every room from its last contiguous seq; a hole in a room is filled by a Sync; every
/// message it receives goes through a <see cref="RoomView"/>. Everything it sees is recorded in the history. A slow
/// consumer (<paramref name="slowness"/>) takes its time over every live event before it looks at it.
/// </summary>
public sealed class ReliableClient(string name, TestUser user, IReadOnlyList<Uri> gateways, int firstGateway, History history,
    ReceiveDelay? slowness = null) : IAsyncDisposable
{
    // Generous: a loaded 2-core machine running two whole systems answers slowly right after a fault.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, RoomView> _rooms = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<string> _sendingTo = [];
    private HubConnection? _connection;
    private int _gateway = firstGateway;
    private int _connections;
    private int _fillingGaps;
    private Task _reconnecting = Task.CompletedTask;

    public string Name => name;

    public TestUser User => user;

    public IReadOnlyCollection<RoomView> Rooms => [.. _rooms.Values];

    public bool IsSlow => slowness is not null;

    /// <summary>The rooms the client posts to: those it is a member of, in the order it joined them.</summary>
    public IReadOnlyList<string> SendingTo
    {
        get { lock (_gate) return [.. _sendingTo]; }
    }

    /// <summary>The connection to call on, or null while reconnecting.</summary>
    public HubConnection? Connection
    {
        get { lock (_gate) return _connection is { State: HubConnectionState.Connected } c ? c : null; }
    }

    public void Join(string roomId)
    {
        _rooms.TryAdd(roomId, new RoomView(name, roomId, history));
        SendTo(roomId, true);
        history.Add(new MemberJoined(history.Now, name, roomId));
    }

    /// <summary>
    /// Starts or stops posting to a room whose membership changes. The view stays either way: a removed member's Sync
    /// leaves the room out, and one added back fills what it missed from its last contiguous seq.
    /// </summary>
    public void SendTo(string roomId, bool sending)
    {
        lock (_gate)
        {
            _sendingTo.Remove(roomId);
            if (sending)
                _sendingTo.Add(roomId);
        }
    }

    public async Task ConnectAsync() => await OpenAsync(gateways[_gateway]);

    /// <returns>The new room's id.</returns>
    public async Task<string> CreateGroupAsync(string roomName, string[] members)
    {
        var connection = Connection ?? throw new InvalidOperationException($"{name} is not connected");
        var room = await connection.InvokeAsync<Room>("CreateRoom", new CreateRoomRequest(roomName, RoomKinds.Group, members)).WaitAsync(CallTimeout);
        return room.RoomId;
    }

    /// <summary>Drops the connection as a network blip would; the client reconnects on its own.</summary>
    public async Task DropAsync()
    {
        HubConnection? current;
        lock (_gate) current = _connection;
        if (current is not null)
            await current.StopAsync().WaitAsync(CallTimeout);
    }

    /// <summary>Sync every room from 0 into the views: after this, a view holds all the server has for the client.</summary>
    public async Task FinalSyncAsync()
    {
        history.Add(new FinalSyncStarted(history.Now, name));
        // Retried like any client call: a page fetched twice is de-duplicated by the views.
        await Testing.Poll.UntilAsync(async () =>
        {
            await SyncAsync(ResyncReason.Final, [.. _rooms.Values.Select(v => (v, 0L))]);
            return true;
        }, $"{name}'s final Sync succeeds", TimeSpan.FromSeconds(90));
    }

    private async Task OpenAsync(Uri gateway)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(gateway, HubRoutes.Chat.TrimStart('/')), o => o.AccessTokenProvider = () => Task.FromResult<string?>(user.AccessToken))
            .Build();
        var label = $"{name}/{Interlocked.Increment(ref _connections)}";
        if (slowness is null)
            connection.On<Message>(nameof(IChatClient.MessageReceived), m => OnLive(m, label));
        else
            // The SignalR client queues a connection's events without bound and runs their handlers one at a time, so the
            // delay holds back every later event (not the acks of its own sends, which bypass that queue).
            connection.On<Message>(nameof(IChatClient.MessageReceived), async m =>
            {
                await slowness.WaitAsync(_stopping.Token);
                OnLive(m, label);
            });
        connection.Closed += _ =>
        {
            OnClosed(connection);
            return Task.CompletedTask;
        };
        try
        {
            await connection.StartAsync(_stopping.Token).WaitAsync(CallTimeout);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        lock (_gate)
            _connection = connection;
        // Closed before it became the current one: OnClosed ignored it, so the caller must try again.
        if (connection.State != HubConnectionState.Connected)
            throw new InvalidOperationException($"{label} closed while starting");
    }

    private void OnLive(Message message, string connection)
    {
        if (!_rooms.TryGetValue(message.RoomId, out var view))
            return;
        view.Accept(message, connection, ReceiptSource.Live);
        if (view.HasGap && Interlocked.CompareExchange(ref _fillingGaps, 1, 0) == 0)
            _ = FillGapsAsync();
    }

    private void OnClosed(HubConnection closed)
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested || !ReferenceEquals(closed, _connection))
                return;
            _connection = null;
            _reconnecting = ReconnectAsync();
        }
    }

    // Round robin over the gateways, starting with the one just lost (a blip leaves it alive); backoff up to 1 s.
    private async Task ReconnectAsync()
    {
        await Task.Yield();
        history.Add(new ReconnectStarted(history.Now, name));
        for (var attempt = 0; !_stopping.IsCancellationRequested; attempt++)
        {
            var gateway = gateways[(_gateway + attempt) % gateways.Count];
            try
            {
                await OpenAsync(gateway);
                _gateway = (_gateway + attempt) % gateways.Count;
                history.Add(new ReconnectEnded(history.Now, name, gateway.ToString()));
                await SyncAsync(ResyncReason.Reconnect, [.. _rooms.Values.Select(v => (v, v.Contiguous))]);
                return;
            }
            catch (Exception) when (!_stopping.IsCancellationRequested)
            {
                // A Sync that failed here is retried by the next reconnect or gap fill; the final Sync checks the outcome.
                if (Connection is not null)
                    return;
            }
            await Backoff(attempt);
        }
    }

    // A hole can be a message whose live copy is still on its way, so a few rounds with backoff before giving up;
    // whatever stays missing is the final Sync's to heal and the checker's to count.
    private async Task FillGapsAsync()
    {
        try
        {
            for (var round = 0; round < 8 && !_stopping.IsCancellationRequested; round++)
            {
                await Backoff(round);
                var gapped = _rooms.Values.Where(v => v.HasGap).Select(v => (v, v.Contiguous)).ToList();
                if (gapped.Count == 0)
                    return;
                if (Connection is null)
                    continue;
                try { await SyncAsync(ResyncReason.Gap, gapped); }
                catch (Exception) when (!_stopping.IsCancellationRequested) { }
            }
        }
        finally
        {
            Volatile.Write(ref _fillingGaps, 0);
        }
    }

    private async Task SyncAsync(ResyncReason reason, IReadOnlyList<(RoomView View, long AfterSeq)> rooms)
    {
        var connection = Connection ?? throw new InvalidOperationException($"{name} is not connected");
        var label = $"{name}/sync";
        var after = rooms.ToDictionary(r => r.View.RoomId, r => r.AfterSeq, StringComparer.Ordinal);
        var count = 0;
        while (after.Count > 0)
        {
            var results = await connection.InvokeAsync<IReadOnlyList<SyncResult>>("Sync", after.Select(p => new SyncRequest(p.Key, p.Value)).ToList(), _stopping.Token)
                .WaitAsync(CallTimeout);
            after.Clear();
            foreach (var result in results)
            {
                foreach (var message in result.Messages)
                    _rooms[result.RoomId].Accept(message, label, ReceiptSource.Sync);
                count += result.Messages.Count;
                if (result.HasMore && result.Messages.Count > 0)
                    after[result.RoomId] = result.Messages[^1].Seq;
            }
        }
        history.Add(new Resynced(history.Now, name, reason, count));
    }

    private Task Backoff(int attempt) =>
        Task.Delay(TimeSpan.FromMilliseconds(Math.Min(100 * (1 << Math.Min(attempt, 4)), 1000)), _stopping.Token)
            .ContinueWith(_ => { }, TaskScheduler.Default);

    public async ValueTask DisposeAsync()
    {
        HubConnection? connection;
        lock (_gate)
        {
            _stopping.Cancel();
            connection = _connection;
        }
        await _reconnecting.ContinueWith(_ => { }, TaskScheduler.Default);
        if (connection is not null)
            await connection.DisposeAsync();
        _stopping.Dispose();
    }
}
