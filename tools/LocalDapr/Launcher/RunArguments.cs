using System.Globalization;
using ChatDapr.LocalDapr.Cli;

namespace ChatDapr.LocalDapr.Launcher;

/// <summary>The component profile: a folder under <c>components/</c>. Explicit when chosen by flag or environment.</summary>
public sealed record ProfileChoice(string Name, bool Explicit)
{
    public const string Default = "embedded";
    public const string EnvironmentVariable = "CHATDAPR_PROFILE";
}

/// <summary><c>localdapr run [-f dapr.yaml|dir] [--profile name] [--start-timeout seconds]</c>.</summary>
public sealed record RunArguments(string FilePath, ProfileChoice Profile, TimeSpan StartTimeout)
{
    public static RunArguments Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var (flags, positional) = FlagReader.Read(args, _ => true);
        if (positional.Count > 0)
            throw new CliException($"unexpected argument '{positional[0]}' (use -f to name the run file)");
        string file = ".";
        string? profile = null;
        var timeout = TimeSpan.FromSeconds(60);
        foreach (var flag in flags)
        {
            switch (flag.Name)
            {
                case "f" or "file" or "run-file": file = FlagReader.RequireValue(flag); break;
                case "profile": profile = FlagReader.RequireValue(flag); break;
                case "start-timeout":
                    timeout = int.TryParse(FlagReader.RequireValue(flag), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0
                        ? TimeSpan.FromSeconds(s)
                        : throw new CliException($"--start-timeout must be a number of seconds, got '{flag.Value}'");
                    break;
                default: throw new CliException($"unknown flag --{flag.Name} for 'localdapr run'");
            }
        }
        var fromEnvironment = environment(ProfileChoice.EnvironmentVariable);
        var choice = profile is not null ? new ProfileChoice(profile, true)
            : !string.IsNullOrEmpty(fromEnvironment) ? new ProfileChoice(fromEnvironment, true)
            : new ProfileChoice(ProfileChoice.Default, false);
        return new RunArguments(FindRunFile(file), choice, timeout);
    }

    /// <summary>A directory means its <c>dapr.yaml</c> (or <c>dapr.yml</c>), as with <c>dapr run -f .</c>.</summary>
    private static string FindRunFile(string path)
    {
        if (File.Exists(path))
            return path;
        if (Directory.Exists(path))
            foreach (var name in new[] { "dapr.yaml", "dapr.yml" })
                if (File.Exists(Path.Combine(path, name)))
                    return path == "." ? name : Path.Combine(path, name);
        throw new CliException($"run file '{path}' does not exist (expected a dapr.yaml or a directory containing one)");
    }
}
