using System.Collections.Concurrent;
using ChatDapr.ChatLoad.Load;
using ChatDapr.ChatLoad.Measure;
using ChatDapr.Contracts.Hub;
using ChatDapr.Contracts.Wire;
using ChatDapr.Testing.Chat;
using ChatDapr.Testing.Systems;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatDapr.ChatLoad.Targets;

// The whole system as `make run` starts it (the tests' ChatSystem on the embedded profile: Release builds, free ports,
// data in a temp folder), with two settings a benchmark needs: the gateway's per-user send limit (20 burst, 5/s by
// default) lifted, because it exists to stop one flooding client and would cap the offered load, and the apps' own
// presence heartbeat instead of the tests' short one, which would add background CPU users never see. Users register
// over REST and connect to the gateway's hub.
public sealed class ChatDaprTarget : ILoadTarget
{
    public const int RateLimit = 1_000_000;
    private const int MaxUsersPerCall = 100;
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
        var system = await ChatSystem.StartAsync(options: new ChatSystemOptions
        {
            SendBurst = RateLimit,
            SendsPerSecond = RateLimit,
            PresenceHeartbeatInterval = null,
        });
        // The launcher hosts every app's sidecar in its own process.
        var processes = Apps.Select(app => new MeasuredProcess(app, system.Pid(app)))
            .Append(new MeasuredProcess("launcher (sidecars)", system.Launcher.Id))
            .ToList();
        return new ChatDaprTarget(system, processes);
    }

    public async Task<LoadClient> ConnectAsync(int index, LatencyRecorder? recorder)
    {
        // Registration hashes the password (PBKDF2), so each user is registered once and reused across scenarios.
        var user = await _users.GetOrAdd(index, _ => new Lazy<Task<TestUser>>(RegisterAsync)).Value;
        return await LoadClient.ConnectAsync(new Uri(_system.Gateway, HubRoutes.Chat.TrimStart('/')), user.UserId, user.AccessToken, recorder);
    }

    // Setup, not measurement: a failed registration is reported with the system's error lines and tried again once.
    private async Task<TestUser> RegisterAsync()
    {
        try
        {
            return await ChatAccounts.RegisterAsync(_system.Gateway, "load");
        }
        catch (HttpRequestException e)
        {
            var errors = _system.Launcher.Lines.Where(l => l.Contains("fail:", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal)).TakeLast(6);
            Console.WriteLine($"registration failed ({e.Message}); retrying once. The system's last error lines:\n  {string.Join("\n  ", errors)}");
            return await ChatAccounts.RegisterAsync(_system.Gateway, "load");
        }
    }

    public async Task<string> CreateRoomAsync(IReadOnlyList<LoadClient> members)
    {
        // The hub takes at most MaxUsersPerCall user ids per call: larger rooms are created and then added to.
        var batches = members.Skip(1).Select(m => m.UserId).Chunk(MaxUsersPerCall).ToList();
        var request = members.Count == 2
            ? new CreateRoomRequest("", RoomKinds.Direct, batches[0])
            : new CreateRoomRequest("load " + Guid.NewGuid().ToString("N")[..8], RoomKinds.Group, batches[0]);
        var room = await members[0].Connection.InvokeAsync<Room>("CreateRoom", request).WaitAsync(TimeSpan.FromSeconds(60));
        foreach (var batch in batches.Skip(1))
            await members[0].Connection.InvokeAsync<Room>("AddMembers", room.RoomId, batch).WaitAsync(TimeSpan.FromSeconds(60));
        return room.RoomId;
    }

    public IReadOnlyList<string> LastLog(int lines) => [.. _system.Launcher.Lines.TakeLast(lines)];

    public ValueTask DisposeAsync() => _system.DisposeAsync();
}
