namespace ChatDapr.Web.Tests.Browser;

/// <summary>
/// Takes one browser context off the network and back. BrowserContext.SetOfflineAsync alone is not enough:
/// Chromium's offline emulation fails new requests but leaves an open WebSocket alone (observed with Chromium
/// 156: no "reconnecting" within 30 s), so the page would not notice until SignalR's 30 s server timeout. So the
/// hub's WebSocket runs through a Playwright WebSocket route, and going offline also closes that socket, as a
/// dropped network does; while offline, the client's reconnect attempts (negotiate over HTTP) fail.
/// </summary>
public sealed class NetworkCut
{
    private readonly IBrowserContext _context;
    private readonly Lock _gate = new();
    private IWebSocketRoute? _socket;

    private NetworkCut(IBrowserContext context) => _context = context;

    /// <summary>Must run before the page connects to the hub (that is, before signing in).</summary>
    public static async Task<NetworkCut> InterceptAsync(IBrowserContext context)
    {
        var cut = new NetworkCut(context);
        await context.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/hubs/chat"), socket =>
        {
            socket.ConnectToServer();
            lock (cut._gate)
                cut._socket = socket;
        });
        return cut;
    }

    public bool HasSocket
    {
        get { lock (_gate) return _socket is not null; }
    }

    public async Task GoOfflineAsync()
    {
        await _context.SetOfflineAsync(true);
        IWebSocketRoute? socket;
        lock (_gate)
            (socket, _socket) = (_socket, null);
        if (socket is not null)
            await socket.CloseAsync(new() { Code = 1001, Reason = "network lost" });
    }

    public Task GoOnlineAsync() => _context.SetOfflineAsync(false);
}
