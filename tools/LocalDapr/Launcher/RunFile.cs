using ChatDapr.LocalDapr.Components;

namespace ChatDapr.LocalDapr.Launcher;

/// <summary>A parsed Multi-App Run file: paths absolute, profile applied, common settings merged into each app.</summary>
public sealed record RunFile(string Path, IReadOnlyList<RunApp> Apps, ReadySettings Ready);

/// <summary>
/// From the top-level <c>x-launcher</c> block, which real Dapr ignores: the line printed once everything is up,
/// <c>{Message}: {Url}</c>; the URL defaults to the first app's.
/// </summary>
public sealed record ReadySettings(string Message, string? Url)
{
    public static ReadySettings Default { get; } = new("ChatDapr is up", null);
}

public sealed record RunApp(
    string AppId,
    string AppDirPath,
    int? AppPort,
    string? AppProtocol,
    string? AppChannelAddress,
    int? DaprHttpPort,
    int? DaprGrpcPort,
    IReadOnlyList<string> Command,
    IReadOnlyDictionary<string, string> Env,
    IReadOnlyList<string> ResourcesPaths,
    string? ConfigFile,
    string? LogLevel,
    SourceLocation Source);
