using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChatDapr.Testing;
using ChatDapr.Testing.Faults;
using Shouldly;

namespace ChatDapr.Reliability.Tests.Unit;

/// <summary>The link faults of <see cref="TcpProxy"/>, each against a real echo server through real sockets.</summary>
public sealed class TcpProxyTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    // How long a read waits to show that nothing passes: long against loopback's microseconds.
    private static readonly TimeSpan Silence = TimeSpan.FromMilliseconds(500);
    private EchoServer _echo = null!;
    private TcpProxy _proxy = null!;

    public async ValueTask InitializeAsync()
    {
        _echo = EchoServer.Start();
        _proxy = await TcpProxy.StartAsync("localhost", _echo.Port);
    }

    [Fact]
    public async Task StartAsync_PassThrough_BytesReachTheServerAndComeBackInOrder()
    {
        using var client = await ConnectAsync();
        var payload = Payload(200_000);

        (await RoundTripAsync(client, payload)).ShouldBe(payload);
        _proxy.ConnectionsAccepted.ShouldBe(1);
        _proxy.Open.ShouldBe(1);
    }

    [Fact]
    public async Task Delay_EachChunkBothWays_RoundTripTakesAtLeastTwiceTheDelayAndKeepsOrder()
    {
        var delay = TimeSpan.FromMilliseconds(150);
        using var client = await ConnectAsync();
        _proxy.Delay(delay);
        var clock = Stopwatch.StartNew();
        // Many small writes, so many chunks are in flight together: each is late, none overtakes another.
        var payload = Payload(20 * 100);
        for (var i = 0; i < 20; i++)
            await client.SendAsync(payload.AsMemory(i * 100, 100), SocketFlags.None, TestContext.Current.CancellationToken);

        (await ReadExactlyAsync(client, payload.Length)).ShouldBe(payload);
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(2 * delay, "a round trip crosses the delayed link twice");
    }

    [Fact]
    public async Task Blackhole_ThenHeal_NothingPassesThenConnectionsThatLostBytesAreResetAndNewBytesFlow()
    {
        using var busy = await ConnectAsync();
        using var idle = await ConnectAsync();
        (await RoundTripAsync(idle, [1])).ShouldBe(new byte[] { 1 });
        _proxy.Blackhole();

        await busy.SendAsync(new byte[] { 2 }, SocketFlags.None, TestContext.Current.CancellationToken);
        (await ReadsNothingAsync(busy)).ShouldBeTrue("no byte passes a blackhole");
        using var late = await ConnectAsync();
        await Poll.UntilAsync(() => _proxy.ConnectionsAccepted == 3, "a connection made during the blackhole is accepted");
        await late.SendAsync(new byte[] { 3 }, SocketFlags.None, TestContext.Current.CancellationToken);
        (await ReadsNothingAsync(late)).ShouldBeTrue("a new connection gets nothing either");
        _proxy.BytesDropped.ShouldBe(2);
        _proxy.Heal();

        (await ReadErrorAsync(busy)).ShouldBe(SocketError.ConnectionReset, "its stream has a hole, so it cannot carry on");
        (await ReadErrorAsync(late)).ShouldBe(SocketError.ConnectionReset);
        (await RoundTripAsync(idle, [4])).ShouldBe(new byte[] { 4 }, "a connection that lost nothing carries on");
        using var fresh = await ConnectAsync();
        (await RoundTripAsync(fresh, [5])).ShouldBe(new byte[] { 5 });
    }

    [Fact]
    public async Task ResetAll_OpenConnections_BothPeersOfEachSeeAReset()
    {
        using var first = await ConnectAsync();
        using var second = await ConnectAsync();
        (await RoundTripAsync(first, [1])).ShouldBe(new byte[] { 1 });
        (await RoundTripAsync(second, [2])).ShouldBe(new byte[] { 2 });

        _proxy.ResetAll();

        (await ReadErrorAsync(first)).ShouldBe(SocketError.ConnectionReset);
        (await ReadErrorAsync(second)).ShouldBe(SocketError.ConnectionReset);
        await Poll.UntilAsync(() => _echo.ResetsSeen == 2, "the server saw both of its connections reset");
        await Poll.UntilAsync(() => _proxy.Open == 0, "the proxy forgot the reset connections");
        using var next = await ConnectAsync();
        (await RoundTripAsync(next, [3])).ShouldBe(new byte[] { 3 }, "the proxy still accepts and forwards");
    }

    private async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var deadline = DeadlineAfter(Deadline);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _proxy.Port), deadline.Token);
        return socket;
    }

    private static async Task<byte[]> RoundTripAsync(Socket socket, byte[] payload)
    {
        var reading = ReadExactlyAsync(socket, payload.Length);
        using var deadline = DeadlineAfter(Deadline);
        await socket.SendAsync(payload, SocketFlags.None, deadline.Token);
        return await reading;
    }

    private static async Task<byte[]> ReadExactlyAsync(Socket socket, int length)
    {
        var buffer = new byte[length];
        using var deadline = DeadlineAfter(Deadline);
        for (var read = 0; read < length;)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, deadline.Token);
            if (n == 0)
                throw new EndOfStreamException($"closed after {read} of {length} bytes");
            read += n;
        }
        return buffer;
    }

    /// <returns>true when a read was still waiting at the deadline.</returns>
    private static async Task<bool> ReadsNothingAsync(Socket socket)
    {
        using var deadline = DeadlineAfter(Silence);
        try
        {
            await socket.ReceiveAsync(new byte[16], SocketFlags.None, deadline.Token);
            return false;
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return true;
        }
    }

    /// <returns>The error of the next read, or Success if it returned (data or an orderly close).</returns>
    private static async Task<SocketError> ReadErrorAsync(Socket socket)
    {
        using var deadline = DeadlineAfter(Deadline);
        try
        {
            await socket.ReceiveAsync(new byte[16], SocketFlags.None, deadline.Token);
            return SocketError.Success;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode;
        }
    }

    private static CancellationTokenSource DeadlineAfter(TimeSpan timeout)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        source.CancelAfter(timeout);
        return source;
    }

    private static byte[] Payload(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    public async ValueTask DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _echo.DisposeAsync();
    }
}
