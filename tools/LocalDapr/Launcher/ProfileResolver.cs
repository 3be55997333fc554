using ChatDapr.LocalDapr.Components;

namespace ChatDapr.LocalDapr.Launcher;

/// <summary>
/// Maps a resources path to the chosen component profile (docs/local-sidecar.md, "Profiles"):
/// <list type="bullet">
/// <item><c>.../{profile}</c> anywhere in the path: replaced by the profile name;</item>
/// <item><c>.../components</c>, a folder of profile folders: <c>components/&lt;profile&gt;</c>;</item>
/// <item><c>.../components/embedded</c>: kept, unless a profile was chosen explicitly (--profile or
/// CHATDAPR_PROFILE), which swaps the last folder; so one dapr.yaml also works with real <c>dapr run -f .</c>.</item>
/// </list>
/// Any other path is used as written.
/// </summary>
public static class ProfileResolver
{
    public const string Placeholder = "{profile}";
    private const string ProfilesFolder = "components";

    public static string Resolve(string path, ProfileChoice profile, SourceLocation at)
    {
        path = Path.GetFullPath(path);
        var index = path.IndexOf(Placeholder, StringComparison.Ordinal);
        if (index >= 0)
            return Pick(Path.GetDirectoryName(path[..(index + Placeholder.Length)])!, profile, at, path.Replace(Placeholder, profile.Name, StringComparison.Ordinal));

        var trimmed = path.TrimEnd(Path.DirectorySeparatorChar);
        if (Path.GetFileName(trimmed) == ProfilesFolder && Directory.Exists(trimmed) && !HasYaml(trimmed) && Directory.EnumerateDirectories(trimmed).Any())
            return Pick(trimmed, profile, at, Path.Combine(trimmed, profile.Name));

        var parent = Path.GetDirectoryName(trimmed);
        if (profile.Explicit && parent is not null && Path.GetFileName(parent) == ProfilesFolder)
            return Pick(parent, profile, at, Path.Combine(parent, profile.Name));

        return Directory.Exists(path) || File.Exists(path)
            ? path
            : throw new ResourceLoadException(at, $"resources path '{path}' does not exist");
    }

    private static string Pick(string profilesDir, ProfileChoice profile, SourceLocation at, string chosen)
    {
        if (Directory.Exists(chosen))
            return chosen;
        var existing = Directory.Exists(profilesDir)
            ? Directory.EnumerateDirectories(profilesDir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
            : [];
        throw new ResourceLoadException(at,
            $"profile '{profile.Name}' not found: {chosen} does not exist. Profiles in {profilesDir}: {(existing.Count > 0 ? string.Join(", ", existing) : "none")}");
    }

    private static bool HasYaml(string dir) =>
        Directory.EnumerateFiles(dir).Any(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase));
}
