using ChatDapr.Testing;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task HealthzOutbound_SidecarStarted_Returns204()
    {
        await using var sidecar = new LocalSidecar();
        var host = await sidecar.StartAsync("smoke");
        using var http = new HttpClient();
        var response = await http.GetAsync(host.HttpEndpoint + "/v1.0/healthz/outbound", TestContext.Current.CancellationToken);
        ((int)response.StatusCode).ShouldBe(204);
        await Poll.UntilAsync(async () => (int)(await http.GetAsync(host.HttpEndpoint + "/v1.0/healthz")).StatusCode == 204, "healthz is 204 without an app");
    }
}
