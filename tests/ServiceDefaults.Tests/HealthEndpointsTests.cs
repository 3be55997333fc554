using System.Net;
using ChatDapr.LocalDapr.Cluster;
using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Hosting;
using ChatDapr.Testing;
using Microsoft.AspNetCore.Builder;
using Shouldly;

namespace ChatDapr.ServiceDefaults.Tests;

public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task Health_SidecarDownThenUp_UnhealthyThenHealthy()
    {
        var ct = TestContext.Current.CancellationToken;
        var daprPort = Ports.Free();
        var appPort = Ports.Free();
        await using var app = await TestApp.StartAsync(appPort,
            b =>
            {
                b.Configuration["DAPR_HTTP_ENDPOINT"] = $"http://127.0.0.1:{daprPort}";
                b.AddServiceDefaults();
            },
            a => a.MapDefaultEndpoints());
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{appPort}") };

        (await http.GetAsync(Extensions.AlivePath, ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.GetAsync(Extensions.HealthPath, ct)).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

        var options = new SidecarOptions { AppId = "health-" + Guid.NewGuid().ToString("N")[..8], HttpPort = daprPort };
        await using var sidecar = await SidecarHost.StartAsync(options, new SidecarEnvironment(new InProcessClusterRegistry(), new ComponentPool()), ct);

        await Poll.UntilAsync(async () => (await http.GetAsync(Extensions.HealthPath, ct)).StatusCode == HttpStatusCode.OK,
            "/health turns healthy once the sidecar is up");
    }
}
