namespace ChatDapr.LocalDapr.Tests.Launcher;

/// <summary>
/// Where the build put the programs that process tests run: localdapr and the sample apps, built with the
/// same configuration and target framework as this test assembly (the test project references them).
/// </summary>
public static class BuiltOutputs
{
    private static readonly DirectoryInfo OutputDir = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string LocalDapr => Dll("tools/LocalDapr", "localdapr.dll");
    public static string EchoApp => Dll("tests/SampleApps/EchoApp", "ChatDapr.SampleApps.EchoApp.dll");
    public static string CallerApp => Dll("tests/SampleApps/CallerApp", "ChatDapr.SampleApps.CallerApp.dll");
    public static string ActorApp => Dll("tests/SampleApps/ActorApp", "ChatDapr.SampleApps.ActorApp.dll");

    /// <summary>The dotnet host that runs these tests; PATH may not have one.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string Dll(string project, string name)
    {
        // bin/<Configuration>/<tfm>/ mirrors this assembly's own output folder.
        var path = Path.Combine(RepoRoot, project, "bin", OutputDir.Parent!.Name, OutputDir.Name, name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{name} is not built at {path}; build the solution first", path);
    }

    private static string FindRepoRoot()
    {
        for (var dir = OutputDir; dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ChatDapr.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("ChatDapr.sln not found above " + OutputDir.FullName);
    }
}
