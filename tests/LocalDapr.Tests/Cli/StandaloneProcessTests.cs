using System.Net;
using System.Net.Http.Json;
using ChatDapr.LocalDapr.Tests.Launcher;
using ChatDapr.Testing;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Cli;

/// <summary><c>localdapr --app-id ...</c> as a real process next to a real app process, like a standalone daprd.</summary>
public sealed class StandaloneProcessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Standalone_DaprdFlagsAndAnUnknownFlag_RunsServesTheAppAndStopsOnSigterm()
    {
        var resources = Directory.CreateTempSubdirectory("localdapr-standalone-").FullName;
        var (appPort, httpPort, grpcPort) = (Ports.Free(), Ports.Free(), Ports.Free());
        await using var sidecar = ChildProcess.Start(BuiltOutputs.LocalDapr,
        [
            "--app-id", "echo", "--app-port", appPort.ToString(), "--dapr-http-port", httpPort.ToString(),
            "--dapr-grpc-port", grpcPort.ToString(), "--resources-path", resources, "--registry-dir", resources, "--bogus-flag",
        ]);
        await sidecar.WaitForLineAsync(l => l.Contains("dapr initialized. Status: Running."), "the sidecar reports running");
        sidecar.Lines.ShouldContain("warning: flag --bogus-flag is not supported by localdapr and is ignored");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(10) };
        (await http.GetAsync("/v1.0/healthz", Ct)).StatusCode.ShouldNotBe(HttpStatusCode.NoContent);

        await using var echo = ChildProcess.Start(BuiltOutputs.EchoApp, [],
            new Dictionary<string, string> { ["APP_PORT"] = appPort.ToString(), ["DAPR_HTTP_PORT"] = httpPort.ToString() });
        await Poll.UntilAsync(async () => (await http.GetAsync("/v1.0/healthz", Ct)).StatusCode == HttpStatusCode.NoContent,
            "healthz answers 204 once the app listens", TimeSpan.FromSeconds(60));
        var reply = await http.GetFromJsonAsync<EchoReply>("/v1.0/invoke/echo/method/echo/standalone", Ct);
        reply.ShouldBe(new EchoReply("standalone", "echo"));

        sidecar.Terminate();

        (await sidecar.WaitForExitAsync()).ShouldBe(0, sidecar.Output);
        try { Directory.Delete(resources, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Standalone_TwoSidecarsSharingARegistryDir_CallerInvokesEchoAcrossProcesses()
    {
        var registry = Directory.CreateTempSubdirectory("localdapr-registry-").FullName;
        var (echoPort, echoHttp, callerPort, callerHttp) = (Ports.Free(), Ports.Free(), Ports.Free(), Ports.Free());
        string[] Sidecar(string appId, int appPort, int httpPort) =>
            ["--app-id", appId, "--app-port", appPort.ToString(), "--dapr-http-port", httpPort.ToString(),
             "--dapr-grpc-port", Ports.Free().ToString(), "--registry-dir", registry];
        await using var echoSidecar = ChildProcess.Start(BuiltOutputs.LocalDapr, Sidecar("echo", echoPort, echoHttp));
        await using var callerSidecar = ChildProcess.Start(BuiltOutputs.LocalDapr, Sidecar("caller", callerPort, callerHttp));
        await using var echo = ChildProcess.Start(BuiltOutputs.EchoApp, [],
            new Dictionary<string, string> { ["APP_PORT"] = echoPort.ToString(), ["DAPR_HTTP_PORT"] = echoHttp.ToString() });
        await using var caller = ChildProcess.Start(BuiltOutputs.CallerApp, [],
            new Dictionary<string, string> { ["APP_PORT"] = callerPort.ToString(), ["DAPR_HTTP_PORT"] = callerHttp.ToString(), ["ECHO_APP_ID"] = "echo" });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var port in new[] { echoHttp, callerHttp })
            await Poll.UntilAsync(async () => (await http.GetAsync($"http://127.0.0.1:{port}/v1.0/healthz", Ct)).StatusCode == HttpStatusCode.NoContent,
                $"the sidecar on {port} is healthy", TimeSpan.FromSeconds(60));

        var reply = await http.GetFromJsonAsync<EchoReply>($"http://127.0.0.1:{callerPort}/call/across", Ct);

        reply.ShouldBe(new EchoReply("across", "caller"));
        echoSidecar.Terminate();
        callerSidecar.Terminate();
        (await echoSidecar.WaitForExitAsync()).ShouldBe(0, echoSidecar.Output);
        (await callerSidecar.WaitForExitAsync()).ShouldBe(0, callerSidecar.Output);
        try { Directory.Delete(registry, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Standalone_MalformedComponentFile_PrintsFileAndLineWithoutStackTraceAndExits1()
    {
        var resources = Directory.CreateTempSubdirectory("localdapr-standalone-").FullName;
        var file = Path.Combine(resources, "broken.yaml");
        await File.WriteAllTextAsync(file, "apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: [oops\n", Ct);
        await using var sidecar = ChildProcess.Start(BuiltOutputs.LocalDapr,
            ["--app-id", "broken", "--dapr-http-port", "0", "--dapr-grpc-port", "0", "--resources-path", resources]);

        (await sidecar.WaitForExitAsync()).ShouldBe(1);

        sidecar.Lines.ShouldContain(l => l.StartsWith($"error: {file}:", StringComparison.Ordinal) && l.Contains("malformed YAML"), sidecar.Output);
        sidecar.Output.ShouldNotContain("   at ");
        sidecar.Output.ShouldNotContain("dapr initialized");
        try { Directory.Delete(resources, recursive: true); } catch (IOException) { }
    }

    private sealed record EchoReply(string Text, string Caller);
}
