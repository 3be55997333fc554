namespace ChatDapr.LocalDapr.Tests.Launcher;

/// <summary>A temp folder holding a dapr.yaml and a components/ tree, deleted after the test.</summary>
public sealed class RunFiles : IDisposable
{
    public RunFiles(params string[] profiles)
    {
        Root = Directory.CreateTempSubdirectory("localdapr-run-").FullName;
        foreach (var profile in profiles)
            Directory.CreateDirectory(Path.Combine(Root, "components", profile));
    }

    public string Root { get; }
    public string RunFile => Path.Combine(Root, "dapr.yaml");

    public string Write(string yaml)
    {
        File.WriteAllText(RunFile, yaml);
        return RunFile;
    }

    public string Dir(string relative) => Directory.CreateDirectory(Path.Combine(Root, relative)).FullName;

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
