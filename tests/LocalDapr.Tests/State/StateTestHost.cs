using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Hosting;
using ChatDapr.LocalDapr.State;
using ChatDapr.Testing;
using Dapr.Client;

namespace ChatDapr.LocalDapr.Tests.State;

/// <summary>One sidecar (fresh app-id) over the given component YAML, with a DaprClient and a per-test deadline.</summary>
public sealed class StateTestHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

    private StateTestHost(LocalSidecar sidecar, SidecarHost host, string appId)
    {
        Sidecar = sidecar;
        Host = host;
        AppId = appId;
        Client = LocalSidecar.Client(host);
        _deadline.CancelAfter(TimeSpan.FromSeconds(60));
    }

    public LocalSidecar Sidecar { get; }
    public SidecarHost Host { get; }
    public string AppId { get; }
    public DaprClient Client { get; }
    public CancellationToken Ct => _deadline.Token;

    public IStateStore Store(string name) => Host.Services.GetRequiredService<ComponentCatalog>().StateStores[name];

    public static Task<StateTestHost> StartAsync(params string[] componentYaml) =>
        StartAsAsync("app-" + Guid.NewGuid().ToString("N")[..10], componentYaml);

    public static async Task<StateTestHost> StartAsAsync(string appId, params string[] componentYaml)
    {
        var sidecar = new LocalSidecar(componentYaml);
        try
        {
            var host = await sidecar.StartAsync(appId).WithTimeout("the sidecar starts");
            return new StateTestHost(sidecar, host, appId);
        }
        catch
        {
            await sidecar.DisposeAsync();
            throw;
        }
    }

    /// <summary>A second sidecar with another app-id in the same process, sharing component instances.</summary>
    public async Task<(SidecarHost Host, DaprClient Client)> StartOtherAppAsync(string appId)
    {
        var host = await Sidecar.StartAsync(appId).WithTimeout("the second sidecar starts");
        return (host, LocalSidecar.Client(host));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sidecar.DisposeAsync();
        _deadline.Dispose();
    }
}
