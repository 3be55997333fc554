using ChatDapr.LocalDapr.Components;
using YamlDotNet.RepresentationModel;

namespace ChatDapr.LocalDapr.Launcher;

/// <summary>
/// Reads a Multi-App Run file the way <c>dapr run -f</c> does: common settings apply to apps that do not set them,
/// common paths resolve against the file's directory and app paths against the app's <c>appDirPath</c>.
/// </summary>
public static class RunFileParser
{
    public static RunFile Parse(string path, ProfileChoice profile)
    {
        var root = Load(path);
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var version = root.String("version") ?? throw new ResourceLoadException(root.Location, "required field 'version' is missing (use version: 1)");
        if (version != "1")
            throw root.Error(root.Node("version")!, $"unsupported version '{version}' (only version: 1 exists)");

        var common = root.Mapping("common");
        var commonResources = ResourcesOf(common, baseDir, profile);
        var commonConfig = ExistingPath(common, "configFilePath", baseDir);
        var commonEnv = common?.StringMap("env") ?? new Dictionary<string, string>();

        var appNodes = root.Mappings("apps");
        if (appNodes.Count == 0)
            throw new ResourceLoadException(root.Location, "'apps' must list at least one app");
        var apps = appNodes.Select(a => ParseApp(a, baseDir, profile, commonResources, commonConfig, commonEnv, common)).ToList();

        var launcher = root.Mapping("x-launcher");
        var ready = new ReadySettings(launcher?.String("readyMessage") ?? ReadySettings.Default.Message, launcher?.String("url"));
        return new RunFile(path, apps, ready);
    }

    private static RunApp ParseApp(YamlFields app, string baseDir, ProfileChoice profile, IReadOnlyList<string> commonResources,
        string? commonConfig, IReadOnlyDictionary<string, string> commonEnv, YamlFields? common)
    {
        var dirText = app.String("appDirPath") ?? throw new ResourceLoadException(app.Location, "required field 'appDirPath' is missing");
        var appDir = Path.GetFullPath(Path.Combine(baseDir, dirText));
        if (!Directory.Exists(appDir))
            throw app.Error(app.Node("appDirPath")!, $"appDirPath '{dirText}' does not exist ({appDir})");
        var appId = app.String("appID") ?? Path.GetFileName(appDir.TrimEnd(Path.DirectorySeparatorChar));

        var command = app.Strings("command").Select(c => c.Value).ToList();
        if (command.Count == 0)
            throw new ResourceLoadException(app.Location, $"app '{appId}' has no 'command' (e.g. command: [\"dotnet\", \"run\"])");

        // dapr's precedence: the app's own paths, then <appDirPath>/.dapr/resources, then common.
        var resources = ResourcesOf(app, appDir, profile);
        var local = Path.Combine(appDir, ".dapr", "resources");
        if (resources.Count == 0)
            resources = Directory.Exists(local) ? [local] : commonResources;

        var env = new Dictionary<string, string>(commonEnv, StringComparer.Ordinal);
        foreach (var (k, v) in app.StringMap("env"))
            env[k] = v;

        return new RunApp(appId, appDir, app.Port("appPort"), app.String("appProtocol") ?? common?.String("appProtocol"),
            app.String("appChannelAddress"), app.Port("daprHTTPPort"), app.Port("daprGRPCPort"), command, env, resources,
            ExistingPath(app, "configFilePath", appDir) ?? commonConfig, app.String("logLevel") ?? common?.String("logLevel"), app.Location);
    }

    private static IReadOnlyList<string> ResourcesOf(YamlFields? section, string baseDir, ProfileChoice profile)
    {
        if (section is null)
            return [];
        var entries = section.Strings("resourcesPaths").ToList();
        if (section.String("resourcesPath") is { } single)
            entries.Add((single, section.At(section.Node("resourcesPath")!)));
        if (section.String("componentsPath") is { } legacy)
            entries.Add((legacy, section.At(section.Node("componentsPath")!)));
        return entries.Select(e => ProfileResolver.Resolve(Path.Combine(baseDir, e.Value), profile, e.At)).ToList();
    }

    private static string? ExistingPath(YamlFields? section, string key, string baseDir)
    {
        if (section?.String(key) is not { } text)
            return null;
        var full = Path.GetFullPath(Path.Combine(baseDir, text));
        return File.Exists(full) ? full : throw section.Error(section.Node(key)!, $"{key} '{text}' does not exist ({full})");
    }

    private static YamlFields Load(string path)
    {
        var stream = YamlFile.Load(path);
        return stream.Documents is [{ RootNode: YamlMappingNode map }]
            ? new YamlFields(path, map)
            : throw new ResourceLoadException(new SourceLocation(path, 1), "a run file must be one YAML mapping with 'version' and 'apps'");
    }
}
