using ChatDapr.Gateway.Tests.Harness;

[assembly: AssemblyFixture(typeof(ClusterFixture))]

namespace ChatDapr.Gateway.Tests.Harness;

// One chat backend with two gateway instances for all service tests: starting it costs seconds, and every test
// registers its own users and creates its own rooms, so tests stay independent and may run in parallel.
public sealed class ClusterFixture : IAsyncLifetime
{
    private ChatCluster? cluster;

    public ChatCluster Cluster => cluster ?? throw new InvalidOperationException("the cluster is not started");

    public GatewayNode Gateway0 => Cluster.Gateways[0];

    public GatewayNode Gateway1 => Cluster.Gateways[1];

    public async ValueTask InitializeAsync() => cluster = await ChatCluster.StartAsync(gatewayCount: 2);

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
            await cluster.DisposeAsync();
    }
}
