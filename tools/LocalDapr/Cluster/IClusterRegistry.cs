namespace ChatDapr.LocalDapr.Cluster;

/// <summary>One running sidecar as seen by the others: where to reach it and which actor types its app hosts.</summary>
public sealed record SidecarInstance(
    string InstanceId,
    string AppId,
    string Host,
    int HttpPort,
    int GrpcPort,
    int? AppPort,
    IReadOnlyList<string> ActorTypes);

/// <summary>
/// Name resolution and actor placement table shared by all sidecars on one machine
/// (the role mDNS and the placement service play for daprd). In-process sidecars share one
/// <see cref="InProcessClusterRegistry"/>; standalone sidecars share a directory (<see cref="FileClusterRegistry"/>).
/// </summary>
public interface IClusterRegistry : IAsyncDisposable
{
    /// <summary>Announces (or re-announces, e.g. after actor types were discovered) this instance.</summary>
    Task RegisterAsync(SidecarInstance self, CancellationToken ct);

    Task UnregisterAsync(string instanceId, CancellationToken ct);

    /// <summary>Live instances of an app, ordered by instance id.</summary>
    IReadOnlyList<SidecarInstance> InstancesOf(string appId);

    /// <summary>Live instances whose app registered <paramref name="actorType"/>, ordered by instance id.</summary>
    IReadOnlyList<SidecarInstance> HostsOf(string actorType);

    /// <summary>Raised whenever the set of instances or their actor types changes.</summary>
    event Action? Changed;
}
