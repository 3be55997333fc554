using System.Globalization;
using ChatDapr.ChatLoad.Baseline;
using ChatDapr.ChatLoad.Load;
using ChatDapr.ChatLoad.Measure;
using ChatDapr.Contracts.Hub;
using ChatDapr.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatDapr.ChatLoad.Targets;

// The bare hub (BareChatHub), run as this program in a process of its own.
public sealed class BaselineTarget : ILoadTarget
{
    private readonly ChildProcess _process;
    private readonly Uri _hub;

    private BaselineTarget(ChildProcess process, Uri hub)
    {
        _process = process;
        _hub = hub;
        ConnectionHost = new MeasuredProcess("bare hub", process.Id);
        Processes = [ConnectionHost];
    }

    public string Name => "bare hub";

    public IReadOnlyList<MeasuredProcess> Processes { get; }

    public MeasuredProcess ConnectionHost { get; }

    public static async Task<BaselineTarget> StartAsync()
    {
        var port = Ports.Free();
        var process = ChildProcess.Start(typeof(BaselineServer).Assembly.Location,
            [BaselineServer.Command, "--port", port.ToString(CultureInfo.InvariantCulture)],
            // Server GC, as the gateway runs (the Web SDK's default; this program itself uses workstation GC for the clients).
            new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" });
        await process.WaitForLineAsync(l => l.Contains(BaselineServer.ReadyLine, StringComparison.Ordinal), "the bare hub listens", TimeSpan.FromSeconds(60));
        return new BaselineTarget(process, new Uri($"http://127.0.0.1:{port}{HubRoutes.Chat}"));
    }

    public Task<LoadClient> ConnectAsync(int index, LatencyRecorder? recorder) =>
        LoadClient.ConnectAsync(_hub, "u" + index.ToString(CultureInfo.InvariantCulture), accessToken: null, recorder);

    public async Task<string> CreateRoomAsync(IReadOnlyList<LoadClient> members)
    {
        var roomId = Guid.NewGuid().ToString("N");
        await Task.WhenAll(members.Select(m => m.Connection.InvokeAsync("Join", roomId))).WaitAsync(TimeSpan.FromSeconds(60));
        return roomId;
    }

    public IReadOnlyList<string> LastLog(int lines) => [.. _process.Lines.TakeLast(lines)];

    public async ValueTask DisposeAsync()
    {
        _process.Terminate();
        await _process.WaitForExitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { }, TaskScheduler.Default);
        await _process.DisposeAsync();
    }
}
