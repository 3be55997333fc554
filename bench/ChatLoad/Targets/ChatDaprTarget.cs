using System.Collections.Concurrent;
using ChatDapr.ChatLoad.Load;
using ChatDapr.ChatLoad.Measure;
using ChatDapr.Contracts.Hub;
using ChatDapr.Contracts.Wire;
using ChatDapr.Testing.Chat;
using ChatDapr.Testing.Systems;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatDapr.ChatLoad.Targets;

// The whole system on the embedded profile, started by the repository's test fixture exactly as `localdapr run -f
// dapr.yaml` starts it for users (temp copy of the profile, Release builds of the services), with one change: the
// gateway's per-user send limit (default 20 burst, 5/s) is lifted through Gateway__RateLimit__* so the limiter, which
// exists to stop one flooding client, does not cap the offered load.
public sealed class ChatDaprTarget : ILoadTarget
{
    public const int RateLimit = 1_000_000;
    private static readonly string[] Apps = ["gateway", "rooms", "messages", "presence"];

    private readonly ChatSystem _system;
    private readonly ConcurrentDictionary<int, Lazy<Task<TestUser>>> _users = new();

    private ChatDaprTarget(ChatSystem system, IReadOnlyList<MeasuredProcess> processes)
    {
        _system = system;
        Processes = processes;
    }

    public string Name => "ChatDapr";

    public IReadOnlyList<MeasuredProcess> Processes { get; }

    public MeasuredProcess ConnectionHost => Processes[0];

    public static async Task<ChatDaprTarget> StartAsync()
    {
        var system = await ChatSystem.StartAsync("embedded", options: new ChatSystemOptions { SendBurst = RateLimit, SendsPerSecond = RateLimit });
        // The launcher hosts every app's sidecar in its own process; the status table it prints names each app's pid.
        var launcher = MeasuredProcess.ChildrenOf(Environment.ProcessId).First(c => c.CommandLine.Contains("localdapr.dll", StringComparison.Ordinal));
        var rows = system.LauncherOutput.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var processes = Apps
            .Select(app => new MeasuredProcess(app, int.Parse(rows.First(r => r.Length == 5 && r[0] == app)[4], System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new MeasuredProcess("launcher (sidecars)", launcher.Pid))
            .ToList();
        return new ChatDaprTarget(system, processes);
    }

    public async Task<LoadClient> ConnectAsync(int index, LatencyRecorder? recorder)
    {
        // Registration hashes the password (PBKDF2), so each user is registered once and reused across scenarios.
        var user = await _users.GetOrAdd(index, _ => new Lazy<Task<TestUser>>(() => ChatAccounts.RegisterAsync(_system.Gateway, "load"))).Value;
        return await LoadClient.ConnectAsync(new Uri(_system.Gateway, HubRoutes.Chat.TrimStart('/')), user.UserId, user.AccessToken, recorder);
    }

    public async Task<string> CreateRoomAsync(IReadOnlyList<LoadClient> members)
    {
        var others = members.Skip(1).Select(m => m.UserId).ToList();
        var request = members.Count == 2
            ? new CreateRoomRequest("", RoomKinds.Direct, others)
            : new CreateRoomRequest("load " + Guid.NewGuid().ToString("N")[..8], RoomKinds.Group, others);
        var room = await members[0].Connection.InvokeAsync<Room>("CreateRoom", request).WaitAsync(TimeSpan.FromSeconds(60));
        return room.RoomId;
    }

    public ValueTask DisposeAsync() => _system.DisposeAsync();
}
