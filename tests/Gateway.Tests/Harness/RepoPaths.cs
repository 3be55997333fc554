namespace ChatDapr.Gateway.Tests.Harness;

// Files of the repository the tests use as they are (component profiles, the gateway's wwwroot).
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "ChatDapr.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("ChatDapr.sln not found above " + AppContext.BaseDirectory);
    }
}
