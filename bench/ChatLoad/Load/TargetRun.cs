using System.Diagnostics;
using ChatDapr.ChatLoad.Targets;

namespace ChatDapr.ChatLoad.Load;

// A target with its connected users and its own recorder for the whole run.
public sealed class TargetRun(ILoadTarget target) : IAsyncDisposable
{
    private readonly List<LoadClient> _users = [];

    public ILoadTarget Target { get; } = target;

    public LatencyRecorder Recorder { get; } = new();

    public IReadOnlyList<LoadClient> Users => _users;

    public async Task ConnectUsersAsync(int count)
    {
        var clients = new LoadClient[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, _) => clients[i] = await Target.ConnectAsync(i, Recorder));
        _users.AddRange(clients);
    }

    /// <summary>Waits until no load delivery has arrived for two seconds (an overloaded step leaves a backlog behind).</summary>
    public async Task WaitForQuietAsync(TimeSpan max)
    {
        var end = Stopwatch.GetTimestamp() + (long)(max.TotalSeconds * Stopwatch.Frequency);
        var seen = Recorder.Total;
        var seenAt = Stopwatch.GetTimestamp();
        while (Stopwatch.GetTimestamp() < end && Stopwatch.GetElapsedTime(seenAt) < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(100);
            if (Recorder.Total != seen)
                (seen, seenAt) = (Recorder.Total, Stopwatch.GetTimestamp());
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var user in _users)
            await user.DisposeAsync();
        await Target.DisposeAsync();
    }
}
