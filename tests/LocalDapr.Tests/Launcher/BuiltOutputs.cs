using ChatDapr.Testing;

namespace ChatDapr.LocalDapr.Tests.Launcher;

/// <summary>The programs that the process tests of the sidecar run (the test project references them).</summary>
public static class BuiltOutputs
{
    public static string RepoRoot => RepoPaths.RepoRoot;
    public static string DotnetHost => RepoPaths.DotnetHost;
    public static string LocalDapr => RepoPaths.Dll("tools/LocalDapr", "localdapr.dll");
    public static string EchoApp => RepoPaths.Dll("tests/SampleApps/EchoApp", "ChatDapr.SampleApps.EchoApp.dll");
    public static string CallerApp => RepoPaths.Dll("tests/SampleApps/CallerApp", "ChatDapr.SampleApps.CallerApp.dll");
    public static string ActorApp => RepoPaths.Dll("tests/SampleApps/ActorApp", "ChatDapr.SampleApps.ActorApp.dll");
}
