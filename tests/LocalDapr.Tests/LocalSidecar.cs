using ChatDapr.LocalDapr.Cluster;
using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Hosting;
using ChatDapr.Testing;
using Dapr.Client;

namespace ChatDapr.LocalDapr.Tests;

/// <summary>
/// Starts in-process sidecars for a test: writes the component YAML it is given into a temp resources dir.
/// Sidecars started from one <see cref="LocalSidecar"/> share a cluster registry and a component pool, like the launcher's.
/// </summary>
public sealed class LocalSidecar : IAsyncDisposable
{
    private readonly List<SidecarHost> _hosts = [];

    public LocalSidecar(params string[] componentYaml)
    {
        ResourcesPath = Directory.CreateTempSubdirectory("localdapr-test-").FullName;
        for (var i = 0; i < componentYaml.Length; i++)
            File.WriteAllText(Path.Combine(ResourcesPath, $"component{i}.yaml"), componentYaml[i]);
    }

    public string ResourcesPath { get; }
    public IClusterRegistry Registry { get; } = new InProcessClusterRegistry();
    public ComponentPool Pool { get; } = new();

    public async Task<SidecarHost> StartAsync(string appId, int? appPort = null, Func<SidecarOptions, SidecarOptions>? configure = null)
    {
        var options = new SidecarOptions { AppId = appId, AppPort = appPort, ResourcesPaths = [ResourcesPath], AppStartTimeout = TimeSpan.FromSeconds(20) };
        options = configure?.Invoke(options) ?? options;
        var host = await SidecarHost.StartAsync(options, new SidecarEnvironment(Registry, Pool));
        _hosts.Add(host);
        return host;
    }

    public static DaprClient Client(SidecarHost host, string? apiToken = null)
    {
        var builder = new DaprClientBuilder().UseHttpEndpoint(host.HttpEndpoint).UseGrpcEndpoint(host.GrpcEndpoint);
        if (apiToken is not null)
            builder.UseDaprApiToken(apiToken);
        return builder.Build();
    }

    public async Task StopAsync(SidecarHost host)
    {
        _hosts.Remove(host);
        await host.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.AsEnumerable().Reverse())
            await host.DisposeAsync();
        _hosts.Clear();
        try { Directory.Delete(ResourcesPath, recursive: true); } catch (IOException) { }
    }
}
