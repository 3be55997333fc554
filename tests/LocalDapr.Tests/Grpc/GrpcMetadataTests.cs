using System.Net.Http.Json;
using System.Text.Json;
using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.Grpc;
using ChatDapr.LocalDapr.Hosting;
using ChatDapr.LocalDapr.Tests.State;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Grpc;

public sealed class GrpcMetadataTests
{
    private static readonly string Bindings = """
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: files
        spec:
          type: bindings.localstorage
          version: v1
          metadata:
          - name: rootPath
            value: "{root}"
        """.Replace("{root}", Path.Combine(Path.GetTempPath(), "localdapr-meta-" + Guid.NewGuid().ToString("N")));

    [Fact]
    public async Task GetMetadataAsync_SidecarWithComponents_ReturnsAppIdAndComponents()
    {
        await using var t = await StateTestHost.StartAsync(Components.InMemoryState("actors", actorStore: true), Components.InMemoryState("cache", actorStore: false), Bindings);

        var metadata = await t.Client.GetMetadataAsync(t.Ct);

        metadata.Id.ShouldBe(t.AppId);
        metadata.Components.Select(c => c.Name).ShouldBe(["actors", "cache", "files"], ignoreOrder: true);
        var actors = metadata.Components.Single(c => c.Name == "actors");
        actors.Type.ShouldBe("state.in-memory");
        actors.Version.ShouldBe("v1");
        actors.Capabilities.ShouldContain("ACTOR");
        metadata.Components.Single(c => c.Name == "cache").Capabilities.ShouldNotContain("ACTOR");
        metadata.Components.Single(c => c.Name == "files").Type.ShouldBe("bindings.localstorage");
        metadata.Actors.ShouldBeEmpty();
    }

    [Fact]
    public async Task SetMetadataAsync_Attribute_ReturnedByGrpcAndHttpMetadata()
    {
        await using var t = await StateTestHost.StartAsync(Components.InMemoryState("store"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };

        await t.Client.SetMetadataAsync("owner", "team-chat", t.Ct);
        await http.PutAsync(t.Host.HttpEndpoint + "/v1.0/metadata/color", new StringContent("blue"), t.Ct);

        (await t.Client.GetMetadataAsync(t.Ct)).Extended.ShouldContainKeyAndValue("owner", "team-chat");
        var json = await http.GetFromJsonAsync<JsonElement>(t.Host.HttpEndpoint + "/v1.0/metadata", t.Ct);
        json.GetProperty("id").GetString().ShouldBe(t.AppId);
        json.GetProperty("runtimeVersion").GetString().ShouldNotBeNullOrEmpty();
        json.GetProperty("extended").GetProperty("owner").GetString().ShouldBe("team-chat");
        json.GetProperty("extended").GetProperty("color").GetString().ShouldBe("blue");
        var component = json.GetProperty("components").EnumerateArray().Single();
        component.GetProperty("name").GetString().ShouldBe("store");
        component.GetProperty("type").GetString().ShouldBe("state.in-memory");
        component.GetProperty("version").GetString().ShouldBe("v1");
        component.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()).ShouldContain("ETAG");
        json.GetProperty("actors").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Snapshot_ActiveActorsReporterRegistered_ReportsItsCounts()
    {
        var options = new SidecarOptions { AppId = "reporting" };
        await using var catalog = ComponentCatalog.Create(options, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, new ComponentPool());
        var services = new ServiceCollection().AddSingleton<IActiveActorsReporter>(new FixedReporter()).BuildServiceProvider();

        var snapshot = new SidecarMetadata(options, catalog, services).Snapshot();

        snapshot.Actors.ShouldBe([new ActiveActorCount("RoomActor", 3), new ActiveActorCount("PresenceActor", 1)]);
    }

    private sealed class FixedReporter : IActiveActorsReporter
    {
        public IReadOnlyList<ActiveActorCount> GetActiveActors() => [new("RoomActor", 3), new("PresenceActor", 1)];
    }
}
