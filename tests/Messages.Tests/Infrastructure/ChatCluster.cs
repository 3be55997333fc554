using ChatDapr.Contracts;
using ChatDapr.Contracts.Actors;
using ChatDapr.Contracts.Names;
using ChatDapr.LocalDapr.Cluster;
using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Hosting;
using ChatDapr.Rooms;
using ChatDapr.ServiceDefaults;
using System.Net.Http.Json;
using ChatDapr.Testing;
using Dapr.Actors;
using Dapr.Actors.Client;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace ChatDapr.Messages.Tests.Infrastructure;

// The real rooms and messages apps hosted in the test process, each beside its own in-process sidecar, plus an
// app-less sidecar playing the gateway (actor proxies, service invocation). The sidecars share one component pool
// and cluster registry, so they share the in-memory store and broker, actor placement and name resolution. Every
// cluster is private to one test.
public sealed class ChatCluster : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly string resources = Directory.CreateTempSubdirectory("chat-cluster-").FullName;
    private readonly SidecarEnvironment environment = new(new InProcessClusterRegistry(), new ComponentPool(), ListenForSignals: false);
    private readonly List<IAsyncDisposable> parts = [];

    private ChatCluster(bool holdEvents)
    {
        Gate = new EventGate(open: !holdEvents);
        File.WriteAllText(Path.Combine(resources, "statestore.yaml"), ChatComponents.StateStore);
        File.WriteAllText(Path.Combine(resources, "pubsub.yaml"), ChatComponents.PubSub);
        File.WriteAllText(Path.Combine(resources, "fanout.yaml"), ChatComponents.Fanout);
    }

    // Holds the messages app's event deliveries while closed.
    public EventGate Gate { get; }
    public DaprClient Gateway { get; private set; } = null!;
    // Service invocation of the messages app through the gateway's sidecar (http://messages/… → /v1.0/invoke/…).
    public HttpClient MessagesViaDapr { get; private set; } = null!;
    public DaprClient MessagesSidecar { get; private set; } = null!;
    public HttpClient MessagesApp { get; private set; } = null!;
    public ActorProxyFactory Actors { get; private set; } = null!;

    public static async Task<ChatCluster> StartAsync(bool holdEvents = false)
    {
        var cluster = new ChatCluster(holdEvents);
        try
        {
            await cluster.StartRoomsAsync();
            await cluster.StartMessagesAsync();
            await cluster.StartGatewayAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public IRoomActor Room(string roomId) => Actors.CreateActorProxy<IRoomActor>(new ActorId(roomId), ActorTypes.RoomActor);

    public IUserRoomsActor UserRooms(string userId) =>
        Actors.CreateActorProxy<IUserRoomsActor>(new ActorId(userId), ActorTypes.UserRoomsActor);

    // What the gateway does: service invocation of the messages app through its own sidecar.
    public async Task<TResponse> InvokeMessagesAsync<TRequest, TResponse>(string route, TRequest request)
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await MessagesViaDapr.PostAsJsonAsync(route, request, ChatJson.Options, ct).WaitAsync(Timeout, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TResponse>(ChatJson.Options, ct))!;
    }

    // The messages service's own state (keys prefixed with its app-id, as the service sees them).
    public Task<T> MessagesStateAsync<T>(string key) =>
        MessagesSidecar.GetStateAsync<T>(DaprComponents.StateStore, key, cancellationToken: TestContext.Current.CancellationToken)
            .Within();

    // Starts an extra app (e.g. an event observer) with its own sidecar in this cluster.
    public async Task StartAppAsync(string appId, Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        var port = Ports.Free();
        var sidecar = await StartSidecarAsync(appId, port);
        await StartAppOnAsync(sidecar, port, configure, map);
    }

    private async Task StartRoomsAsync()
    {
        var port = Ports.Free();
        var sidecar = await StartSidecarAsync(AppIds.Rooms, port);
        await StartAppOnAsync(sidecar, port, b => RoomsApp.AddApplicationServices(b.AddServiceDefaults()), a => a.MapRooms());
    }

    // The production app (MessagesApp), with the gate in front.
    private async Task StartMessagesAsync()
    {
        var port = Ports.Free();
        var sidecar = await StartSidecarAsync(AppIds.Messages, port);
        MessagesSidecar = Client(sidecar);
        await StartAppOnAsync(sidecar, port,
            b => ChatDapr.Messages.MessagesApp.AddApplicationServices(b.AddServiceDefaults()),
            a =>
            {
                a.Use((context, next) => Gate.InvokeAsync(context, () => next(context)));
                a.MapMessages();
            });
        MessagesApp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = Timeout };
    }

    private async Task StartGatewayAsync()
    {
        var sidecar = await StartSidecarAsync(AppIds.Gateway, appPort: null);
        Gateway = Client(sidecar);
        MessagesViaDapr = DaprClient.CreateInvokeHttpClient(AppIds.Messages, sidecar.HttpEndpoint);
        MessagesViaDapr.Timeout = Timeout;
        Actors = new ActorProxyFactory(new ActorProxyOptions
        {
            HttpEndpoint = sidecar.HttpEndpoint,
            UseJsonSerialization = true,
            JsonSerializerOptions = new(ChatJson.Options),
        });
    }

    private async Task<SidecarHost> StartSidecarAsync(string appId, int? appPort)
    {
        var options = new SidecarOptions
        {
            AppId = appId, AppPort = appPort, ResourcesPaths = [resources], AppStartTimeout = Timeout, LogLevel = "warn",
        };
        var sidecar = await SidecarHost.StartAsync(options, environment).WaitAsync(Timeout);
        parts.Add(sidecar);
        return sidecar;
    }

    private async Task StartAppOnAsync(
        SidecarHost sidecar, int port, Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        var app = await TestApp.StartAsync(port,
            b =>
            {
                // Per app, not through process-wide environment variables: tests run in parallel.
                b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["DAPR_HTTP_ENDPOINT"] = sidecar.HttpEndpoint,
                    ["DAPR_GRPC_ENDPOINT"] = sidecar.GrpcEndpoint,
                });
                configure(b);
            },
            map).WaitAsync(Timeout);
        parts.Add(app);
        await sidecar.AppReady.WaitAsync(Timeout);
    }

    private static DaprClient Client(SidecarHost sidecar) => new DaprClientBuilder()
        .UseHttpEndpoint(sidecar.HttpEndpoint)
        .UseGrpcEndpoint(sidecar.GrpcEndpoint)
        .UseJsonSerializationOptions(new(ChatJson.Options))
        .Build();

    public async ValueTask DisposeAsync()
    {
        Gate.Open();
        // Reverse start order: each app stops before its sidecar, as the launcher stops them.
        for (var i = parts.Count - 1; i >= 0; i--)
            await parts[i].DisposeAsync();
        Gateway?.Dispose();
        MessagesViaDapr?.Dispose();
        MessagesSidecar?.Dispose();
        MessagesApp?.Dispose();
        try { Directory.Delete(resources, recursive: true); } catch (IOException) { }
    }
}
