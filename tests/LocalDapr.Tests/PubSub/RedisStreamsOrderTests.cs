using System.Collections.Concurrent;
using System.Text;
using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Hosting;
using ChatDapr.LocalDapr.PubSub;
using ChatDapr.Testing;
using ChatDapr.Testing.Faults;
using Shouldly;
using StackExchange.Redis;

namespace ChatDapr.LocalDapr.Tests.PubSub;

/// <summary>pubsub.redis with concurrency 1 keeps publish order even when the link to Redis loses a reply.</summary>
public sealed class RedisStreamsOrderTests(SharedRedis redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // An XREADGROUP that ran while its reply was lost leaves entries pending on the reader's consumer, never handed
    // out. Found by the reliability run's Redis link faults: they came back only through the reclaim, processingTimeout
    // later and behind newer entries, so gateways sent a room's older message after newer ones.
    [Fact]
    public async Task SubscribeAsync_ReadWhoseReplyWasLost_EntriesStillDeliveredInPublishOrder()
    {
        var server = await redis.GetAsync();
        await using var link = await TcpProxy.StartAsync("127.0.0.1", server.Port);
        using var log = new LogLines();
        await using var pubsub = Create(link.Address, log);
        var (topic, group) = ($"order-{Guid.NewGuid():N}", "g");
        var received = new ConcurrentQueue<string>();
        await using var subscription = await pubsub.SubscribeAsync(topic, group, (m, _) =>
        {
            received.Enqueue(Encoding.UTF8.GetString(m.CloudEvent.Span));
            return Task.FromResult(DeliveryOutcome.Success);
        }, Ct);
        await using var direct = await ConnectionMultiplexer.ConnectAsync(server.Address);
        var db = direct.GetDatabase();
        // Redis creates a consumer on its first read that returns something.
        await db.StreamAddAsync(topic, "data", "e0");
        await Poll.UntilAsync(() => received.Count == 1, "the reader gets e0");
        var consumer = (await db.StreamConsumerInfoAsync(topic, group)).Single().Name;

        // The reader's reads now go nowhere; meanwhile e1 is read as its consumer, as by a read whose reply was lost.
        // (A read of its own that slipped through just before the cut would have lost its reply the same way.)
        link.Blackhole();
        foreach (var entry in new[] { "e1", "e2", "e3" })
            await db.StreamAddAsync(topic, "data", entry);
        await db.StreamReadGroupAsync(topic, group, consumer, StreamPosition.NewMessages, 1);
        // Reset while still cut off: the read under way fails at once, and no reconnect can succeed before the heal.
        link.ResetAll();
        await Poll.UntilAsync(() => log.Contain("redis unavailable"), "a read of the reader failed");
        link.Heal();

        await Poll.UntilAsync(() => received.Count >= 4, "every entry is delivered", TimeSpan.FromSeconds(30));
        received.ShouldBe(["e0", "e1", "e2", "e3"]);
    }

    private static RedisStreamsPubSub Create(string address, LogLines log)
    {
        var at = new SourceLocation("test", 1);
        var values = new Dictionary<string, string>
        {
            ["redisHost"] = address,
            ["concurrency"] = "1",
            // Short, so that without the fix e1 comes back (late, out of order) well within the test's deadline.
            ["processingTimeout"] = "2s",
            ["redeliverInterval"] = "500ms",
        };
        var definition = new ComponentDefinition("pubsub", "pubsub.redis", "v1", new ComponentMetadata("pubsub", at, values), [], at);
        return new RedisStreamsPubSub(definition, new ComponentContext(new SidecarOptions { AppId = "test" }, LoggerFactory.Create(b => b.AddProvider(log))));
    }
}
