using ChatDapr.ChatLoad.Load;
using ChatDapr.ChatLoad.Targets;

namespace ChatDapr.ChatLoad.Measure;

/// <summary>Resident memory the connection host holds per extra idle connection, each reading taken after a full GC.</summary>
public sealed record IdleMemoryResult(string Target, string Process, int Connections, long RssBeforeBytes, long RssAfterBytes)
{
    public double BytesPerConnection => (double)(RssAfterBytes - RssBeforeBytes) / Connections;

    public static async Task<IdleMemoryResult> MeasureAsync(ILoadTarget target, int connections, int users)
    {
        var host = target.ConnectionHost;
        await FullGc.CollectAsync(host.Pid);
        var before = host.RssBytes();
        var clients = new LoadClient[connections];
        // Connections of the run's users in turn (several devices per user), receiving nothing.
        await Parallel.ForEachAsync(Enumerable.Range(0, connections), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) => clients[i] = await target.ConnectAsync(i % users, recorder: null));
        await FullGc.CollectAsync(host.Pid);
        var after = host.RssBytes();
        foreach (var client in clients)
            await client.DisposeAsync();
        return new IdleMemoryResult(target.Name, host.Name, connections, before, after);
    }
}
