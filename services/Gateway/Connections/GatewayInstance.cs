namespace ChatDapr.Gateway.Connections;

// Identifies this gateway process to the presence actors, which expire the connections of an instance that stops
// heartbeating. Unique per process: a restarted instance must not inherit the connections of its predecessor.
public sealed class GatewayInstance(IConfiguration configuration)
{
    public string Id { get; } = configuration["Gateway:InstanceId"] is { Length: > 0 } id
        ? id
        : $"{Environment.MachineName}-{Guid.NewGuid():N}";
}
