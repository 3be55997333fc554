using ChatDapr.LocalDapr.Tests.State;
using ChatDapr.Testing;
using Dapr;
using Grpc.Core;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Grpc;

public sealed class LifecycleAndPublishTests
{
    [Fact]
    public async Task ShutdownSidecarAsync_Called_StopsTheSidecar()
    {
        await using var t = await StateTestHost.StartAsync(Components.InMemoryState("store"));

        await t.Client.ShutdownSidecarAsync(t.Ct);

        await t.Host.WaitForShutdownAsync(t.Ct).WithTimeout("the sidecar stops after Shutdown");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Should.ThrowAsync<HttpRequestException>(() => http.GetAsync(t.Host.HttpEndpoint + "/v1.0/healthz/outbound", t.Ct));
    }

    [Fact]
    public async Task PublishEventAsync_UnknownPubSub_InvalidArgument()
    {
        await using var t = await StateTestHost.StartAsync(Components.InMemoryState("store"));

        var error = await Should.ThrowAsync<DaprException>(() => t.Client.PublishEventAsync("no-such-pubsub", "topic", new { a = 1 }, t.Ct));

        var rpc = error.InnerException.ShouldBeOfType<RpcException>();
        rpc.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        rpc.Status.Detail.ShouldContain("no-such-pubsub");
    }

    [Fact]
    public async Task BulkPublishEventAsync_UnknownPubSub_InvalidArgument()
    {
        await using var t = await StateTestHost.StartAsync(Components.InMemoryState("store"));

        var error = await Should.ThrowAsync<DaprException>(() => t.Client.BulkPublishEventAsync("no-such-pubsub", "topic", ["a", "b"], cancellationToken: t.Ct));

        error.InnerException.ShouldBeOfType<RpcException>().StatusCode.ShouldBe(StatusCode.InvalidArgument);
    }
}
