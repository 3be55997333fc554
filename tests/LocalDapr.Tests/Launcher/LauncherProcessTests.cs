using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChatDapr.LocalDapr.Launcher;
using ChatDapr.Testing;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Launcher;

/// <summary><c>localdapr run</c> as a real process, with the sample apps as its children.</summary>
public sealed partial class LauncherProcessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string App(string appId, string dll, string extra = "") => $"""
          - appID: {appId}
            appDirPath: {Path.GetDirectoryName(dll)}
            command: ["{BuiltOutputs.DotnetHost}", "{dll}"]
        {extra}
        """;

    [Fact]
    public async Task Run_CallerAndEcho_CallerReachesEchoAndSigtermStopsEverything()
    {
        using var files = new RunFiles("embedded");
        var callerPort = Ports.Free();
        files.Write($"""
            version: 1
            common:
              resourcesPath: ./components/embedded
            apps:
            {App("echo", BuiltOutputs.EchoApp)}
            {App("caller", BuiltOutputs.CallerApp, $"    appPort: {callerPort}\n    env:\n      ECHO_APP_ID: echo")}
            x-launcher:
              readyMessage: Samples are up
              url: http://127.0.0.1:{callerPort}/call/hello
            """);
        await using var launcher = ChildProcess.Start(BuiltOutputs.LocalDapr, ["run", "-f", files.RunFile]);

        var ready = await launcher.WaitForLineAsync(l => l.StartsWith("Samples are up: ", StringComparison.Ordinal), "the launcher reports ready");

        ready.ShouldBe($"Samples are up: http://127.0.0.1:{callerPort}/call/hello");
        var rows = launcher.Lines.Select(l => TableRow().Match(l)).Where(m => m.Success).ToDictionary(m => m.Groups["app"].Value);
        rows.Keys.ShouldBe(["echo", "caller"], ignoreOrder: true);
        rows["caller"].Groups["appPort"].Value.ShouldBe(callerPort.ToString());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var direct = await http.GetFromJsonAsync<EchoReply>($"http://127.0.0.1:{callerPort}/call/hello", Ct);
        direct.ShouldBe(new EchoReply("hello", "caller"));
        var viaSidecar = await http.GetFromJsonAsync<EchoReply>(
            $"http://127.0.0.1:{rows["caller"].Groups["daprHttp"].Value}/v1.0/invoke/caller/method/call/again", Ct);
        viaSidecar.ShouldBe(new EchoReply("again", "caller"));

        launcher.Terminate();

        (await launcher.WaitForExitAsync()).ShouldBe(0, launcher.Output);
        launcher.Output.ShouldContain("localdapr: stopped");
        foreach (var pid in rows.Values.Select(r => int.Parse(r.Groups["pid"].Value)))
            ProcessTree.IsAlive(pid).ShouldBeFalse($"app process {pid} outlived the launcher");
    }

    [Fact]
    public async Task Run_AppCrashesAtStart_ExitsNonZeroWithItsLastTwentyLogLines()
    {
        using var files = new RunFiles("embedded");
        files.Write($"""
            version: 1
            common:
              resourcesPath: ./components/embedded
            apps:
            {App("echo", BuiltOutputs.EchoApp, "    env:\n      ECHO_CRASH_ON_START: \"1\"")}
            """);
        await using var launcher = ChildProcess.Start(BuiltOutputs.LocalDapr, ["run", "-f", files.RunFile]);

        var exitCode = await launcher.WaitForExitAsync();

        exitCode.ShouldNotBe(0);
        var lines = launcher.Lines.ToList();
        var header = lines.FindIndex(l => l == "error: app 'echo' exited with code 3 during start. Last 20 log lines:");
        header.ShouldBeGreaterThanOrEqualTo(0, launcher.Output);
        lines.Skip(header + 1).Take(20).ShouldBe(Enumerable.Range(6, 20).Select(i => $"  | echo boot line {i}"));
        launcher.Output.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Run_AppNeverListens_TimesOutExitsNonZeroAndLeavesNoProcessBehind()
    {
        using var files = new RunFiles("embedded");
        var pidFile = Path.Combine(files.Root, "pids");
        // A shell that starts a grandchild: both must be gone once the launcher gives up.
        files.Write($"""
            version: 1
            apps:
              - appID: sleeper
                appDirPath: {files.Root}
                command: ["/bin/sh", "-c", "echo $$ > {pidFile}; sleep 600 & echo $! >> {pidFile}; echo still booting; wait"]
            """);
        await using var launcher = ChildProcess.Start(BuiltOutputs.LocalDapr, ["run", "-f", files.RunFile, "--start-timeout", "3"]);

        var exitCode = await launcher.WaitForExitAsync();

        exitCode.ShouldNotBe(0);
        launcher.Lines.ShouldContain(l => l.StartsWith("error: app 'sleeper' did not become healthy within 3s", StringComparison.Ordinal), launcher.Output);
        launcher.Lines.ShouldContain("  | still booting");
        var pids = (await File.ReadAllLinesAsync(pidFile, Ct)).Select(int.Parse).ToList();
        pids.Count.ShouldBe(2);
        foreach (var pid in pids)
            ProcessTree.IsAlive(pid).ShouldBeFalse($"process {pid} outlived the launcher");
    }

    [Fact]
    public async Task Run_MalformedRunFile_PrintsFileAndLineAndExits1()
    {
        using var files = new RunFiles();
        files.Write("version: 1\napps:\n  - appID: [unclosed\n");
        await using var launcher = ChildProcess.Start(BuiltOutputs.LocalDapr, ["run", "-f", files.RunFile]);

        (await launcher.WaitForExitAsync()).ShouldBe(1);

        launcher.Lines.ShouldContain(l => l.StartsWith($"error: {files.RunFile}:", StringComparison.Ordinal) && l.Contains("malformed YAML"), launcher.Output);
        launcher.Output.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Run_AppPortAlreadyInUse_ExitsWithAClearErrorNamingThePort()
    {
        using var files = new RunFiles("embedded");
        using var occupant = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((System.Net.IPEndPoint)occupant.LocalEndpoint).Port;
        files.Write($"""
            version: 1
            common:
              resourcesPath: ./components/embedded
            apps:
            {App("echo", BuiltOutputs.EchoApp, $"    appPort: {port}")}
            """);
        await using var launcher = ChildProcess.Start(BuiltOutputs.LocalDapr, ["run", "-f", files.RunFile]);

        (await launcher.WaitForExitAsync()).ShouldBe(1, launcher.Output);

        launcher.Lines.ShouldContain(l => l.StartsWith("error: ", StringComparison.Ordinal) && l.Contains($"app 'echo': appPort {port} is already in use"), launcher.Output);
        launcher.Output.ShouldNotContain("is ready");
    }

    private sealed record EchoReply(string Text, string Caller);

    [GeneratedRegex(@"^\s+(?<app>\S+)\s+http://127\.0\.0\.1:(?<appPort>\d+)\s+http://127\.0\.0\.1:(?<daprHttp>\d+)\s+http://127\.0\.0\.1:(?<daprGrpc>\d+)\s+(?<pid>\d+)$")]
    private static partial Regex TableRow();
}
