using ChatDapr.ChatLoad.Load;
using ChatDapr.ChatLoad.Measure;

namespace ChatDapr.ChatLoad.Targets;

/// <summary>What the load is offered to: ChatDapr or the bare hub.</summary>
public interface ILoadTarget : IAsyncDisposable
{
    string Name { get; }

    /// <summary>The processes whose CPU time counts for this target (read from /proc before and after each step).</summary>
    IReadOnlyList<MeasuredProcess> Processes { get; }

    /// <summary>The process that holds the SignalR connections (its RSS is the memory per idle connection).</summary>
    MeasuredProcess ConnectionHost { get; }

    /// <summary>User <paramref name="index"/>'s connection; <paramref name="recorder"/> null for an idle connection.</summary>
    Task<LoadClient> ConnectAsync(int index, LatencyRecorder? recorder);

    /// <summary>The last lines the target's processes logged (why a process died); empty where nothing is kept.</summary>
    IReadOnlyList<string> LastLog(int lines);

    /// <summary>Makes a room of these members (members[0] creates it); the caller probes it until all have joined.</summary>
    Task<string> CreateRoomAsync(IReadOnlyList<LoadClient> members);
}
