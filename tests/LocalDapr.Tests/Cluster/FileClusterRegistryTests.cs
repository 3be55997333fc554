using System.Text.Json;
using ChatDapr.LocalDapr.Cluster;
using ChatDapr.Testing;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Cluster;

public sealed class FileClusterRegistryTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("file-registry-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SidecarInstance Instance(string id, params string[] types) => new(id, "app", "127.0.0.1", 1000, 2000, 3000, types);

    [Fact]
    public async Task Register_TwoRegistriesOneDirectory_EachSeesBoth()
    {
        await using var a = new FileClusterRegistry(_dir.FullName);
        await using var b = new FileClusterRegistry(_dir.FullName);

        await a.RegisterAsync(Instance("ia", "T"), Ct);
        await b.RegisterAsync(Instance("ib", "T", "U"), Ct);

        await Poll.UntilAsync(() => a.HostsOf("T").Count == 2 && b.HostsOf("T").Count == 2, "both registries see both instances");
        a.HostsOf("U").Single().InstanceId.ShouldBe("ib");
        b.InstancesOf("app").Select(i => i.InstanceId).ShouldBe(["ia", "ib"]);
        var seen = a.HostsOf("T").Single(i => i.InstanceId == "ib");
        seen.HttpPort.ShouldBe(1000);
        seen.ActorTypes.ShouldBe(["T", "U"]);
    }

    [Fact]
    public async Task Register_ActorTypesChange_OtherRegistryRaisesChanged()
    {
        await using var a = new FileClusterRegistry(_dir.FullName);
        await using var b = new FileClusterRegistry(_dir.FullName);
        await a.RegisterAsync(Instance("ia"), Ct);
        await Poll.UntilAsync(() => b.InstancesOf("app").Count == 1, "b sees a");
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        b.Changed += () => changed.TrySetResult();

        await a.RegisterAsync(Instance("ia", "T"), Ct);

        await changed.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await Poll.UntilAsync(() => b.HostsOf("T").Count == 1, "b sees the new actor type");
    }

    [Fact]
    public async Task Unregister_Instance_FileDeletedAndGoneForOthers()
    {
        await using var a = new FileClusterRegistry(_dir.FullName);
        await using var b = new FileClusterRegistry(_dir.FullName);
        await a.RegisterAsync(Instance("ia", "T"), Ct);
        await Poll.UntilAsync(() => b.HostsOf("T").Count == 1, "b sees a");

        await a.UnregisterAsync("ia", Ct);

        File.Exists(Path.Combine(_dir.FullName, "ia.json")).ShouldBeFalse();
        a.HostsOf("T").ShouldBeEmpty();
        await Poll.UntilAsync(() => b.HostsOf("T").Count == 0, "b no longer sees a");
    }

    [Fact]
    public async Task Scan_StaleHeartbeat_Ignored()
    {
        await WriteRecordAsync("old", Environment.ProcessId, DateTimeOffset.UtcNow.AddSeconds(-30));
        await WriteRecordAsync("fresh", Environment.ProcessId, DateTimeOffset.UtcNow.AddSeconds(60));

        await using var registry = new FileClusterRegistry(_dir.FullName);

        registry.HostsOf("T").Select(i => i.InstanceId).ShouldBe(["fresh"]);
    }

    [Fact]
    public async Task Scan_DeadProcess_Ignored()
    {
        await WriteRecordAsync("dead", DeadPid(), DateTimeOffset.UtcNow.AddSeconds(60));

        await using var registry = new FileClusterRegistry(_dir.FullName);

        registry.HostsOf("T").ShouldBeEmpty();
    }

    [Fact]
    public async Task Heartbeat_OwnInstance_FileKeptFresh()
    {
        await using var registry = new FileClusterRegistry(_dir.FullName, refresh: TimeSpan.FromMilliseconds(100));
        await registry.RegisterAsync(Instance("me", "T"), Ct);
        var file = Path.Combine(_dir.FullName, "me.json");
        var first = Heartbeat(file);

        await Poll.UntilAsync(() => Heartbeat(file) > first, "the heartbeat advanced");

        registry.HostsOf("T").Single().InstanceId.ShouldBe("me");
    }

    [Fact]
    public async Task Dispose_Registry_RemovesItsFiles()
    {
        var registry = new FileClusterRegistry(_dir.FullName);
        await registry.RegisterAsync(Instance("gone", "T"), Ct);
        File.Exists(Path.Combine(_dir.FullName, "gone.json")).ShouldBeTrue();

        await registry.DisposeAsync();

        File.Exists(Path.Combine(_dir.FullName, "gone.json")).ShouldBeFalse();
    }

    [Fact]
    public void DefaultDirectory_NoVariable_UnderHome()
    {
        if (Environment.GetEnvironmentVariable(FileClusterRegistry.DirectoryVariable) is { Length: > 0 } set)
            FileClusterRegistry.DefaultDirectory().ShouldBe(set);
        else
            FileClusterRegistry.DefaultDirectory().ShouldEndWith(Path.Combine(".localdapr", "registry"));
    }

    private Task WriteRecordAsync(string id, int pid, DateTimeOffset heartbeat)
    {
        var json = JsonSerializer.Serialize(new { instance = Instance(id, "T"), pid, heartbeatUnixMs = heartbeat.ToUnixTimeMilliseconds() },
            new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return File.WriteAllTextAsync(Path.Combine(_dir.FullName, id + ".json"), json, Ct);
    }

    private static long Heartbeat(string file)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            return doc.RootElement.GetProperty("heartbeatUnixMs").GetInt64();
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>A pid that is not running: the highest pids are practically never in use.</summary>
    private static int DeadPid()
    {
        for (var pid = 4_194_000; pid > 4_000_000; pid--)
            if (!Directory.Exists($"/proc/{pid}"))
                return pid;
        throw new InvalidOperationException("no free pid found");
    }

    public void Dispose()
    {
        try { _dir.Delete(recursive: true); } catch (IOException) { }
    }
}
