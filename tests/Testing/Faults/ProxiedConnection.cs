using System.Net;
using System.Net.Sockets;

namespace ChatDapr.Testing.Faults;

/// <summary>
/// One client connection of a <see cref="TcpProxy"/> and its own connection to the target, pumped both ways under the
/// proxy's current <see cref="LinkState"/>. Ends closed (FIN) when both peers finished, or reset (RST) on a fault.
/// </summary>
internal sealed class ProxiedConnection(Socket client, Func<LinkState> link, Action<int> dropped)
{
    private readonly Socket _upstream = new(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private int _broken;
    private int _closed;

    public LinkState Link => link();

    /// <summary>Bytes were dropped: the stream has a hole, so nothing more may pass until the connection is reset.</summary>
    public bool Broken => Volatile.Read(ref _broken) == 1;

    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Connects to the target and pumps; a reset before the connect completes aborts it.</summary>
    public void Start(EndPoint target) => Completion = RunAsync(target);

    private async Task RunAsync(EndPoint target)
    {
        client.NoDelay = true;
        try
        {
            await _upstream.ConnectAsync(target);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The target is down (or this connection was reset meanwhile): the client sees a reset, much like a refusal.
            Reset();
            return;
        }
        await Task.WhenAll(new ChunkPump(client, _upstream, this).RunAsync(), new ChunkPump(_upstream, client, this).RunAsync());
        Close(reset: false);
    }

    /// <summary>
    /// Records dropped bytes. The flag is set before the link is read again (both with full fences, as in
    /// <see cref="TcpProxy.Heal"/>), so a heal racing a drop either sees the flag or is seen here: the broken
    /// connection is reset either way.
    /// </summary>
    public void LoseBytes(int count)
    {
        dropped(count);
        Interlocked.Exchange(ref _broken, 1);
        if (!Link.Blackholed)
            Reset();
    }

    /// <summary>Both sockets closed with RST (linger 0): pending reads and writes on either peer fail at once.</summary>
    public void Reset() => Close(reset: true);

    private void Close(bool reset)
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1)
            return;
        foreach (var socket in new[] { client, _upstream })
        {
            try
            {
                if (reset)
                    socket.LingerState = new LingerOption(true, 0);
            }
            catch (SocketException)
            {
                // Never connected or already shut down: closing it is all there is to do.
            }
            socket.Close();
        }
    }
}
