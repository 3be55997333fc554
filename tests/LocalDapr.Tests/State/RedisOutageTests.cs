using ChatDapr.Testing;
using Dapr;
using Grpc.Core;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.State;

public sealed class RedisOutageTests
{
    [Fact]
    public async Task SaveStateAsync_RedisDownThenBack_UnavailableWhileDownAndRecoversWithoutRestart()
    {
        await using var redis = await RedisServer.StartAsync().WithTimeout("redis-server starts");
        await using var t = await StateTestHost.StartAsync(Components.RedisState(redis.Address, "orders"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var key = "before-" + Guid.NewGuid().ToString("N");
        await t.Client.SaveStateAsync("orders", key, "saved before the outage", cancellationToken: t.Ct);

        await redis.StopAsync();

        var error = await Should.ThrowAsync<DaprException>(() => t.Client.SaveStateAsync("orders", "during", "x", cancellationToken: t.Ct));
        var rpc = error.InnerException.ShouldBeOfType<RpcException>();
        rpc.StatusCode.ShouldBe(StatusCode.Unavailable);
        rpc.Status.Detail.ShouldContain("orders");
        await Poll.UntilAsync(async () => (int)(await http.GetAsync(t.Host.HttpEndpoint + "/v1.0/healthz", t.Ct)).StatusCode == 500,
            "healthz reports the unreachable store");

        await redis.RestartAsync();

        await Poll.UntilAsync(async () =>
        {
            await t.Client.SaveStateAsync("orders", "after", "saved after the outage", cancellationToken: t.Ct);
            return true;
        }, "saves work again once Redis is back");
        (await t.Client.GetStateAsync<string>("orders", key, cancellationToken: t.Ct)).ShouldBe("saved before the outage");
        (await t.Client.GetStateAsync<string>("orders", "after", cancellationToken: t.Ct)).ShouldBe("saved after the outage");
        await Poll.UntilAsync(async () => (int)(await http.GetAsync(t.Host.HttpEndpoint + "/v1.0/healthz", t.Ct)).StatusCode == 204,
            "healthz is healthy again");
    }
}
