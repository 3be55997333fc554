using System.Collections.Concurrent;
using System.Text;
using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Hosting;
using ChatDapr.LocalDapr.PubSub;
using ChatDapr.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.PubSub;

/// <summary>The in-memory broker on its own: retention bound, redelivery with attempt counts.</summary>
public sealed class InMemoryPubSubTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubscribeAsync_NewGroupAfterPublishes_GetsOnlyTheRetainedTail()
    {
        await using var pubsub = Create(("maxLenApprox", "3"));
        for (var i = 1; i <= 5; i++)
            await pubsub.PublishAsync("t", Encoding.UTF8.GetBytes($"m{i}"), new Dictionary<string, string>(), Ct);
        var received = new ConcurrentQueue<string>();

        await using var subscription = await pubsub.SubscribeAsync("t", "late", (m, _) =>
        {
            received.Enqueue(Encoding.UTF8.GetString(m.CloudEvent.Span));
            return Task.FromResult(DeliveryOutcome.Success);
        }, Ct);

        await Poll.UntilAsync(() => received.Count >= 3, "the retained messages arrive");
        received.ShouldBe(["m3", "m4", "m5"]);
    }

    [Fact]
    public async Task Handler_ReturnsRetryThenThrows_RedeliveredWithGrowingAttempt()
    {
        await using var pubsub = Create(("redeliverInterval", "10ms"));
        var attempts = new ConcurrentQueue<int>();
        await using var subscription = await pubsub.SubscribeAsync("t", "g", (m, _) =>
        {
            attempts.Enqueue(m.Attempt);
            return m.Attempt switch
            {
                1 => Task.FromResult(DeliveryOutcome.Retry),
                2 => throw new InvalidOperationException("handler crashed"),
                _ => Task.FromResult(DeliveryOutcome.Success),
            };
        }, Ct);

        await pubsub.PublishAsync("t", "x"u8.ToArray(), new Dictionary<string, string>(), Ct);

        await Poll.UntilAsync(() => attempts.Count >= 3, "the message is redelivered until it succeeds");
        attempts.ShouldBe([1, 2, 3]);
    }

    private static InMemoryPubSub Create(params (string Key, string Value)[] metadata)
    {
        var at = new SourceLocation("test", 1);
        var values = metadata.ToDictionary(m => m.Key, m => m.Value);
        var definition = new ComponentDefinition("pubsub", "pubsub.in-memory", "v1", new ComponentMetadata("pubsub", at, values), [], at);
        return new InMemoryPubSub(definition, new ComponentContext(new SidecarOptions { AppId = "test" }, NullLoggerFactory.Instance));
    }
}
