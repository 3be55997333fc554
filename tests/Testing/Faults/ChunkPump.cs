using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Channels;

namespace ChatDapr.Testing.Faults;

/// <summary>
/// One direction of a <see cref="ProxiedConnection"/>. The reader stamps each chunk with the time it may leave and the
/// writer sends chunks in arrival order once due, so a delay is latency on the link (every chunk late by the same
/// amount) rather than a pause per chunk that would pile up behind a busy connection.
/// </summary>
internal sealed class ChunkPump(Socket from, Socket to, ProxiedConnection connection)
{
    private const int ChunkSize = 16 * 1024;
    private readonly Channel<(long Due, byte[] Bytes)> _chunks =
        Channel.CreateUnbounded<(long, byte[])>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    public Task RunAsync() => Task.WhenAll(ReadAsync(), WriteAsync());

    private async Task ReadAsync()
    {
        var buffer = new byte[ChunkSize];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer.AsMemory(), SocketFlags.None)) > 0)
            {
                var link = connection.Link;
                if (link.Blackholed || connection.Broken)
                    connection.LoseBytes(read);
                else
                    _chunks.Writer.TryWrite((Stopwatch.GetTimestamp() + (long)(link.Delay.TotalSeconds * Stopwatch.Frequency), buffer[..read]));
            }
            _chunks.Writer.TryComplete();
        }
        catch (Exception e) when (IsClosed(e))
        {
            // The peer reset or the connection was closed here: the other peer gets a reset too, as through a router.
            _chunks.Writer.TryComplete(e);
            connection.Reset();
        }
    }

    private async Task WriteAsync()
    {
        try
        {
            await foreach (var (due, bytes) in _chunks.Reader.ReadAllAsync())
            {
                // A loop, not one delay: a timer may fire a little early, and the delay is a lower bound tests rely on.
                for (var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due); wait > TimeSpan.Zero; wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due))
                    await Task.Delay(wait);
                // A chunk still on its way when the blackhole began is lost with the rest.
                if (connection.Link.Blackholed || connection.Broken)
                {
                    connection.LoseBytes(bytes.Length);
                    continue;
                }
                for (var sent = 0; sent < bytes.Length;)
                    sent += await to.SendAsync(bytes.AsMemory(sent), SocketFlags.None);
            }
            // The sender finished (FIN): pass the half-close on, so the other peer can still answer.
            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (IsClosed(e) || e is ChannelClosedException)
        {
            connection.Reset();
        }
    }

    private static bool IsClosed(Exception e) => e is SocketException or ObjectDisposedException or OperationCanceledException;
}
