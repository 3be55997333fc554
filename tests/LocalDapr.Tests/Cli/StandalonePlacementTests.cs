using System.Net;
using ChatDapr.LocalDapr.Tests.Launcher;
using ChatDapr.Testing;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Cli;

/// <summary>
/// Two standalone sidecar processes, started with daprd's flags, for two instances of one actor app (also processes):
/// each actor id is active in exactly one instance, whichever sidecar the call enters through.
/// </summary>
public sealed class StandalonePlacementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Standalone_TwoSidecarsOfOneActorApp_EachActorOnExactlyOneInstance()
    {
        var dir = Directory.CreateTempSubdirectory("localdapr-placement-").FullName;
        var resources = Directory.CreateDirectory(Path.Combine(dir, "resources")).FullName;
        await File.WriteAllTextAsync(Path.Combine(resources, "state.yaml"),
            Components.SqliteState(Path.Combine(dir, "actors.db")), Ct);
        var instances = new[] { "a", "b" }.Select(name => (Name: name, AppPort: Ports.Free(), HttpPort: Ports.Free())).ToList();
        var processes = new List<ChildProcess>();
        try
        {
            foreach (var i in instances)
            {
                processes.Add(ChildProcess.Start(BuiltOutputs.LocalDapr,
                [
                    "--app-id", "whoami", "--app-port", i.AppPort.ToString(), "--dapr-http-port", i.HttpPort.ToString(),
                    "--dapr-grpc-port", Ports.Free().ToString(), "--resources-path", resources, "--registry-dir", dir,
                    "--placement-host-address", "localhost:50005",
                ]));
                processes.Add(ChildProcess.Start(BuiltOutputs.ActorApp, [], new Dictionary<string, string>
                {
                    ["APP_PORT"] = i.AppPort.ToString(), ["DAPR_HTTP_PORT"] = i.HttpPort.ToString(), ["INSTANCE"] = i.Name,
                }));
            }
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
            foreach (var i in instances)
                await Poll.UntilAsync(async () => (await http.GetAsync($"http://127.0.0.1:{i.HttpPort}/v1.0/healthz", Ct)).StatusCode == HttpStatusCode.NoContent,
                    $"sidecar {i.Name} is healthy", TimeSpan.FromSeconds(60));
            // Both sidecars must see both hosts before placement is stable.
            await Poll.UntilAsync(async () => (await AnswersAsync(http, instances[0].HttpPort, 20)).Values.Distinct().Count() == 2,
                "actors spread over both instances", TimeSpan.FromSeconds(30));

            var viaA = await AnswersAsync(http, instances[0].HttpPort, 30);
            var viaB = await AnswersAsync(http, instances[1].HttpPort, 30);

            viaB.ShouldBe(viaA, "an actor answers from the same instance whichever sidecar the call enters through");
            viaA.Values.Distinct().Order().ShouldBe(["a", "b"]);
        }
        finally
        {
            foreach (var p in processes)
                await p.DisposeAsync();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<Dictionary<string, string>> AnswersAsync(HttpClient http, int sidecarPort, int actors)
    {
        var answers = new Dictionary<string, string>();
        for (var n = 0; n < actors; n++)
        {
            using var response = await http.PutAsync($"http://127.0.0.1:{sidecarPort}/v1.0/actors/WhoAmIActor/actor-{n}/method/WhoAmI",
                new StringContent(""), Ct);
            response.EnsureSuccessStatusCode();
            answers[$"actor-{n}"] = (await response.Content.ReadAsStringAsync(Ct)).Trim('"');
        }
        return answers;
    }
}
