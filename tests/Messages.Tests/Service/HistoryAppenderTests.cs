using ChatDapr.Contracts.Names;
using ChatDapr.Contracts.Wire;
using ChatDapr.Messages.Storage;
using ChatDapr.Messages.Tests.Infrastructure;
using ChatDapr.Testing;
using Dapr.Client;
using Shouldly;

namespace ChatDapr.Messages.Tests.Service;

// The appender against the messages app's own sidecar and store (each test its own room).
public sealed class HistoryAppenderTests(HistoryAppenderTests.Cluster fixture) : IClassFixture<HistoryAppenderTests.Cluster>
{
    public sealed class Cluster : IAsyncLifetime
    {
        public ChatCluster Chat { get; private set; } = null!;

        public async ValueTask InitializeAsync() => Chat = await ChatCluster.StartAsync();

        public async ValueTask DisposeAsync() => await Chat.DisposeAsync();
    }

    private readonly DaprClient dapr = fixture.Chat.MessagesSidecar;
    private readonly string roomId = "appender-" + Guid.NewGuid().ToString("N")[..8];

    private HistoryAppender Appender()
    {
        var store = new MessageStore(dapr);
        return new HistoryAppender(dapr, store, new ContiguityTracker(dapr, store));
    }

    private StoredMessage Copy(long seq, long version = 1, string? text = null) =>
        new(new Message(roomId, $"m{seq}", seq, "alice", text ?? $"message {seq}", DateTimeOffset.UnixEpoch), version);

    private Task<long> MarkAsync() => fixture.Chat.MessagesStateAsync<long>(StateKeys.Contiguous(roomId));

    private Task<StoredMessage?> StoredAsync(long seq) => fixture.Chat.MessagesStateAsync<StoredMessage?>(StateKeys.Message(roomId, seq));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AppendAsync_InSeqOrder_StoresEachAndTheMarkFollows()
    {
        var appender = Appender();

        for (var seq = 1; seq <= 3; seq++)
        {
            (await appender.AppendAsync(Copy(seq), Ct)).ShouldBeTrue();
            (await MarkAsync()).ShouldBe(seq);
        }
        (await StoredAsync(2))!.Message.Text.ShouldBe("message 2");
    }

    [Fact]
    public async Task AppendAsync_LaterSeqsStoredFirst_MarkWaitsForTheHoleThenJumpsOverThem()
    {
        var appender = Appender();
        await appender.AppendAsync(Copy(3), Ct);
        await appender.AppendAsync(Copy(4), Ct);
        (await MarkAsync()).ShouldBe(0);

        await appender.AppendAsync(Copy(1), Ct);
        (await MarkAsync()).ShouldBe(1);
        await appender.AppendAsync(Copy(2), Ct);

        (await MarkAsync()).ShouldBe(4);
    }

    [Fact]
    public async Task AppendAsync_StoredRunLongerThanTheLookahead_MarkReachesItsEnd()
    {
        var appender = Appender();
        for (var seq = 2; seq <= 20; seq++)
            await appender.AppendAsync(Copy(seq), Ct);

        await appender.AppendAsync(Copy(1), Ct);

        (await MarkAsync()).ShouldBe(20);
    }

    [Fact]
    public async Task AppendAsync_OlderVersionAfterNewer_KeepsTheNewerAndReportsNotWritten()
    {
        var appender = Appender();
        (await appender.AppendAsync(Copy(1, version: 2, text: "edited"), Ct)).ShouldBeTrue();

        (await appender.AppendAsync(Copy(1, version: 1), Ct)).ShouldBeFalse();
        (await appender.AppendAsync(Copy(1, version: 2, text: "edited"), Ct)).ShouldBeFalse();

        var stored = (await StoredAsync(1))!;
        (stored.Version, stored.Message.Text).ShouldBe((2L, "edited"));
        (await MarkAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task AppendAsync_ManyWritersOfOneRoomAtOnce_EveryMessageStoredAndTheMarkComplete()
    {
        // Competing consumers: several deliveries of one room in flight, each retried on failure as pub/sub would.
        await Parallel.ForEachAsync(Enumerable.Range(1, 40).Reverse(), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct },
            async (seq, ct) => await Poll.UntilAsync(async () =>
            {
                try
                {
                    await Appender().AppendAsync(Copy(seq), ct);
                    return true;
                }
                catch (Dapr.DaprException)
                {
                    return false;
                }
            }, $"seq {seq} is stored"));
        // A lost race may leave the mark behind; the room's next append (here a repeat) walks it forward.
        await Appender().AppendAsync(Copy(40), Ct);

        (await MarkAsync()).ShouldBe(40);
        for (var seq = 1; seq <= 40; seq++)
            (await StoredAsync(seq)).ShouldNotBeNull();
    }
}
