using ChatDapr.LocalDapr.Cluster;
using ChatDapr.LocalDapr.Hosting;

namespace ChatDapr.LocalDapr.Cli;

/// <summary>What <c>localdapr</c> needs to run one standalone sidecar, plus what it ignored.</summary>
public sealed record StandaloneSettings(SidecarOptions Options, string RegistryDir, IReadOnlyList<string> Warnings);

/// <summary>
/// Parses daprd's command line. Tokens come from the environment as with daprd (DAPR_API_TOKEN, APP_API_TOKEN);
/// every flag localdapr does not implement is ignored with a warning naming it, so daprd scripts run unchanged.
/// </summary>
public static class DaprdArguments
{
    public const string RegistryDirVariable = FileClusterRegistry.DirectoryVariable;

    private static readonly HashSet<string> ValueFlags = new(StringComparer.Ordinal)
    {
        "app-id", "app-port", "app-protocol", "app-channel-address", "dapr-http-port", "dapr-grpc-port",
        "resources-path", "components-path", "config", "log-level", "metrics-port", "registry-dir",
    };

    // daprd's boolean flags: they never consume the next argument, even when ignored.
    private static readonly HashSet<string> BooleanFlags = new(StringComparer.Ordinal)
    {
        "enable-mtls", "enable-metrics", "enable-profiling", "enable-api-logging", "app-ssl", "enable-app-health-check",
        "log-as-json", "disable-builtin-k8s-secret-store", "version", "enable-app-channel",
    };

    private static readonly string[] LogLevels = ["debug", "info", "warn", "error", "fatal"];

    public static StandaloneSettings Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var (flags, positional) = FlagReader.Read(args, name => !BooleanFlags.Contains(name));
        var warnings = positional.Select(p => $"argument '{p}' is not used by localdapr and is ignored").ToList();
        string? appId = null, appProtocol = null, appHost = null, config = null, logLevel = null, registryDir = null;
        int? appPort = null, metricsPort = null;
        int httpPort = 3500, grpcPort = 50001;
        var resources = new List<string>();
        foreach (var flag in flags)
        {
            switch (flag.Name)
            {
                case "app-id": appId = FlagReader.RequireValue(flag); break;
                case "app-port": appPort = FlagReader.RequirePort(flag); break;
                case "app-protocol": appProtocol = FlagReader.RequireValue(flag); break;
                case "app-channel-address": appHost = FlagReader.RequireValue(flag); break;
                case "dapr-http-port": httpPort = FlagReader.RequirePort(flag); break;
                case "dapr-grpc-port": grpcPort = FlagReader.RequirePort(flag); break;
                case "resources-path" or "components-path": resources.Add(FlagReader.RequireValue(flag)); break;
                case "config": config = FlagReader.RequireValue(flag); break;
                case "log-level": logLevel = FlagReader.RequireValue(flag); break;
                case "metrics-port": metricsPort = FlagReader.RequirePort(flag); break;
                case "registry-dir": registryDir = FlagReader.RequireValue(flag); break;
                default: warnings.Add($"flag --{flag.Name} is not supported by localdapr and is ignored"); break;
            }
        }
        if (string.IsNullOrWhiteSpace(appId))
            throw new CliException("flag --app-id is required");
        if (appProtocol is not null && appProtocol != "http")
            throw new CliException($"--app-protocol {appProtocol} is not supported by localdapr: only http apps are (use real daprd for gRPC apps)");
        if (logLevel is not null && !LogLevels.Contains(logLevel))
            throw new CliException($"--log-level must be one of {string.Join(", ", LogLevels)}, got '{logLevel}'");
        if (config is not null && !File.Exists(config))
            throw new CliException($"config file '{config}' does not exist");

        var options = new SidecarOptions
        {
            AppId = appId,
            AppPort = appPort is 0 ? null : appPort,
            AppHost = appHost ?? "127.0.0.1",
            HttpPort = httpPort,
            GrpcPort = grpcPort,
            MetricsPort = metricsPort,
            ResourcesPaths = resources,
            ConfigPath = config,
            LogLevel = logLevel ?? "info",
            ApiToken = NonEmpty(environment("DAPR_API_TOKEN")),
            AppApiToken = NonEmpty(environment("APP_API_TOKEN")),
            Namespace = NonEmpty(environment("NAMESPACE")) ?? "default",
        };
        return new StandaloneSettings(options, registryDir ?? NonEmpty(environment(RegistryDirVariable)) ?? DefaultRegistryDir, warnings);
    }

    /// <summary>Per user by default, so sidecars started separately find each other as daprd's do through mDNS.</summary>
    public static string DefaultRegistryDir => FileClusterRegistry.DefaultDirectory();

    private static string? NonEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
