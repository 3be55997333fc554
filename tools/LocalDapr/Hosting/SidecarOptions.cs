namespace ChatDapr.LocalDapr.Hosting;

/// <summary>Everything one sidecar needs to know; mirrors daprd's command-line flags.</summary>
public sealed record SidecarOptions
{
    public required string AppId { get; init; }
    public int? AppPort { get; init; }
    public string AppProtocol { get; init; } = "http";
    public string AppHost { get; init; } = "127.0.0.1";
    /// <summary>0 picks a free port; the bound port is published on <see cref="SidecarHost"/>.</summary>
    public int HttpPort { get; init; }
    public int GrpcPort { get; init; }
    public int? MetricsPort { get; init; }
    public IReadOnlyList<string> ResourcesPaths { get; init; } = [];
    public string? ConfigPath { get; init; }
    public string LogLevel { get; init; } = "info";
    /// <summary>Token the app must send (DAPR_API_TOKEN); null disables the check.</summary>
    public string? ApiToken { get; init; }
    /// <summary>Token the sidecar sends to the app (APP_API_TOKEN).</summary>
    public string? AppApiToken { get; init; }
    /// <summary>Unique per sidecar process or in-process instance; fills the {uuid} template for consumer IDs.</summary>
    public string InstanceId { get; init; } = Guid.NewGuid().ToString("N");
    /// <summary>How long to wait for the app port before giving up on discovery (subscriptions, actors).</summary>
    public TimeSpan AppStartTimeout { get; init; } = TimeSpan.FromSeconds(60);
    public string Namespace { get; init; } = "default";
}
