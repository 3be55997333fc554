using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Launcher;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Launcher;

public sealed class RunFileParserTests
{
    private static readonly ProfileChoice Embedded = new("embedded", Explicit: false);

    [Fact]
    public void Parse_FullFile_MergesCommonIntoAppsAndResolvesPathsLikeDaprRun()
    {
        using var files = new RunFiles("embedded");
        files.Dir("svc/rooms");
        files.Dir("svc/gateway/own-resources");
        File.WriteAllText(Path.Combine(files.Root, "config.yaml"), "kind: Configuration");
        files.Write("""
            version: 1
            common:
              resourcesPath: ./components/embedded
              configFilePath: ./config.yaml
              env:
                SHARED: common
                OVERRIDDEN: common
            apps:
              - appDirPath: ./svc/rooms
                appPort: 5001
                daprHTTPPort: 3501
                daprGRPCPort: 50002
                command: ["dotnet", "run"]
                env:
                  OVERRIDDEN: app
              - appID: gw
                appDirPath: ./svc/gateway
                resourcesPath: ./own-resources
                command: ["./start.sh", "--fast"]
            """);

        var run = RunFileParser.Parse(files.RunFile, Embedded);

        var (rooms, gateway) = (run.Apps[0], run.Apps[1]);
        rooms.AppId.ShouldBe("rooms");
        rooms.AppDirPath.ShouldBe(Path.Combine(files.Root, "svc", "rooms"));
        (rooms.AppPort, rooms.DaprHttpPort, rooms.DaprGrpcPort).ShouldBe(((int?)5001, (int?)3501, (int?)50002));
        rooms.Command.ShouldBe(["dotnet", "run"]);
        rooms.Env.ShouldBe(new Dictionary<string, string> { ["SHARED"] = "common", ["OVERRIDDEN"] = "app" }, ignoreOrder: true);
        rooms.ResourcesPaths.ShouldBe([Path.Combine(files.Root, "components", "embedded")]);
        rooms.ConfigFile.ShouldBe(Path.Combine(files.Root, "config.yaml"));
        gateway.AppId.ShouldBe("gw");
        gateway.ResourcesPaths.ShouldBe([Path.Combine(files.Root, "svc", "gateway", "own-resources")]);
        gateway.Command.ShouldBe(["./start.sh", "--fast"]);
        (gateway.AppPort, gateway.DaprHttpPort).ShouldBe(((int?)null, (int?)null));
        run.Ready.ShouldBe(ReadySettings.Default);
    }

    [Fact]
    public void Parse_AppWithDotDaprResources_PrefersThemOverCommon()
    {
        using var files = new RunFiles("embedded");
        var local = files.Dir("svc/.dapr/resources");
        files.Write("""
            version: 1
            common:
              resourcesPath: ./components/embedded
            apps:
              - appDirPath: ./svc
                command: ["x"]
            """);

        RunFileParser.Parse(files.RunFile, Embedded).Apps[0].ResourcesPaths.ShouldBe([local]);
    }

    [Fact]
    public void Parse_XLauncherBlock_SetsTheReadyLine()
    {
        using var files = new RunFiles();
        files.Dir("svc");
        files.Write("""
            version: 1
            apps:
              - appDirPath: ./svc
                command: ["x"]
            x-launcher:
              readyMessage: Chat is ready
              url: http://localhost:8080/
            """);

        RunFileParser.Parse(files.RunFile, Embedded).Ready.ShouldBe(new ReadySettings("Chat is ready", "http://localhost:8080/"));
    }

    [Theory]
    [InlineData("apps:\n  - appDirPath: ./svc\n    command: [x]\n", 1, "required field 'version' is missing (use version: 1)")]
    [InlineData("version: 2\napps:\n  - appDirPath: ./svc\n", 1, "unsupported version '2' (only version: 1 exists)")]
    [InlineData("version: 1\napps: []\n", 1, "'apps' must list at least one app")]
    [InlineData("version: 1\napps:\n  - appID: a\n    command: [x]\n", 3, "required field 'appDirPath' is missing")]
    [InlineData("version: 1\napps:\n  - appDirPath: ./svc\n", 3, "app 'svc' has no 'command' (e.g. command: [\"dotnet\", \"run\"])")]
    [InlineData("version: 1\napps:\n  - appDirPath: ./svc\n    command: [x]\n    appPort: web\n", 5, "'appPort' must be a port number (1-65535), got 'web'")]
    [InlineData("version: 1\napps:\n  - appDirPath: ./svc\n    command: [x]\n    env: [A, B]\n", 5, "'env' must be a mapping of names to values")]
    [InlineData("version: 1\napps:\n  - appDirPath: ./svc\n    command: [x]\n    resourcesPath: ./nowhere\n", 5, "resources path")]
    [InlineData("version: 1\napps:\n  - appDirPath: ./svc\n    command: [x\n", 5, "malformed YAML")]
    public void Parse_BadFile_ErrorNamesFileAndLine(string yaml, int line, string message)
    {
        using var files = new RunFiles();
        files.Dir("svc");
        files.Write(yaml);

        var error = Should.Throw<ResourceLoadException>(() => RunFileParser.Parse(files.RunFile, Embedded));

        error.Location.ShouldBe(new SourceLocation(files.RunFile, line));
        error.Message.ShouldStartWith($"{files.RunFile}:{line}: ");
        error.Message.ShouldContain(message);
    }
}
