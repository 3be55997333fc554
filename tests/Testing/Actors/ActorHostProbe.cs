using Dapr.Actors.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ChatDapr.Testing.Actors;

/// <summary>
/// A service's actor host started without a sidecar, to check what it advertises to Dapr (<c>/dapr/config</c>) and
/// that its actors can be built the way the actor runtime builds them (ActorHost given, everything else from DI).
/// </summary>
public sealed class ActorHostProbe : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient http;

    private ActorHostProbe(WebApplication app, int port)
    {
        this.app = app;
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public static async Task<ActorHostProbe> StartAsync(Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        var (app, port) = await TestApp.StartOnFreePortAsync(configure, map).WithTimeout("the actor host starts");
        return new ActorHostProbe(app, port);
    }

    public Task<string> DaprConfigAsync(CancellationToken cancellationToken) => http.GetStringAsync("/dapr/config", cancellationToken);

    public TActor Activate<TActor>() where TActor : Actor
    {
        var create = ActivatorUtilities.CreateFactory(typeof(TActor), [typeof(ActorHost)]);
        return (TActor)create(app.Services, [ActorHost.CreateForTest<TActor>()]);
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await app.DisposeAsync();
    }
}
