using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ChatDapr.Testing.Faults;

/// <summary>
/// A loopback TCP proxy in front of one server, for the link faults a process signal cannot make: latency
/// (<see cref="Delay"/>), a partition (<see cref="Blackhole"/> then <see cref="Heal"/>) and connection resets
/// (<see cref="ResetAll"/>). Clients are pointed at <see cref="Address"/> instead of the server; each accepted
/// connection gets its own connection to the server (that connect is not subject to the faults).
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<ProxiedConnection, byte> _open = new();
    private LinkState _link = LinkState.PassThrough;
    private Task _accepting = Task.CompletedTask;
    private int _accepted;
    private long _dropped;

    private TcpProxy(IPEndPoint target, int port)
    {
        _target = target;
        Port = port;
        _listener = new TcpListener(IPAddress.Loopback, port);
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public int ConnectionsAccepted => Volatile.Read(ref _accepted);

    /// <summary>Bytes a blackhole swallowed, both ways: proof that traffic was actually cut.</summary>
    public long BytesDropped => Interlocked.Read(ref _dropped);

    /// <summary>Connections currently proxied (accepted and not yet closed or reset).</summary>
    public int Open => _open.Count;

    public static async Task<TcpProxy> StartAsync(string targetHost, int targetPort)
    {
        // Resolved once; IPv4 first because the test servers bind 127.0.0.1 and "localhost" may resolve to ::1 first.
        var addresses = await Dns.GetHostAddressesAsync(targetHost);
        var address = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses[0];
        var proxy = new TcpProxy(new IPEndPoint(address, targetPort), Ports.Free());
        proxy._listener.Start();
        proxy._accepting = proxy.AcceptAsync();
        return proxy;
    }

    /// <summary>Every chunk, both ways, leaves the proxy <paramref name="delay"/> after it arrived; order is kept.</summary>
    public void Delay(TimeSpan delay) => Interlocked.Exchange(ref _link, new LinkState(delay, Blackholed: false));

    /// <summary>
    /// A partition: open connections stay open and new ones are accepted, but no byte passes either way. Bytes that
    /// arrive meanwhile (and bytes still delayed on their way) are dropped, never delivered late.
    /// </summary>
    public void Blackhole() => Interlocked.Exchange(ref _link, new LinkState(TimeSpan.Zero, Blackholed: true));

    /// <summary>
    /// Back to pass-through. Bytes dropped during the blackhole stay dropped, so every connection that lost some is
    /// reset here: a stream with a hole cannot go on (the server would read the rest of a command as a new one), and
    /// a real client would time out and reconnect. Connections that sent nothing during the blackhole carry on.
    /// </summary>
    public void Heal()
    {
        Interlocked.Exchange(ref _link, LinkState.PassThrough);
        foreach (var connection in _open.Keys.Where(c => c.Broken))
            connection.Reset();
    }

    /// <summary>Every open connection closed with RST on both sides, as a router dropping its state would.</summary>
    public void ResetAll()
    {
        foreach (var connection in _open.Keys)
            connection.Reset();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException) when (!_stop.IsCancellationRequested)
            {
                continue; // A client that gave up before its connection was accepted.
            }
            Interlocked.Increment(ref _accepted);
            var connection = new ProxiedConnection(client, () => Volatile.Read(ref _link), count => Interlocked.Add(ref _dropped, count));
            _open.TryAdd(connection, 0);
            connection.Start(_target);
            _ = connection.Completion.ContinueWith(t => _open.TryRemove(connection, out var _), TaskScheduler.Default);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        var connections = _open.Keys.ToList();
        foreach (var connection in connections)
            connection.Reset();
        await Task.WhenAll(connections.Select(c => c.Completion));
        _stop.Dispose();
    }
}
