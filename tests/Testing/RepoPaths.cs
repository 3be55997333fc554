namespace ChatDapr.Testing;

/// <summary>
/// Where the build put the programs that process tests run (localdapr, services, sample apps): the same
/// configuration and target framework as the running test assembly. Test projects reference those projects
/// with ReferenceOutputAssembly="false" so they are built first.
/// </summary>
public static class RepoPaths
{
    private static readonly DirectoryInfo OutputDir = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The dotnet host that runs these tests; PATH may not have one.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static string Dll(string project, string name)
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
