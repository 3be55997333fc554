using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace ChatDapr.ChatLoad.Measure;

// Forces a full, blocking, compacting-if-needed GC in another .NET process, as dotnet-gcdump does: enabling the
// runtime provider's GCHeapCollect keyword over EventPipe makes the runtime collect. Memory per idle connection is
// read after that, so garbage not yet collected is not counted as the connections' cost.
public static class FullGc
{
    private const long GcHeapCollectKeyword = 0x800000;

    public static async Task CollectAsync(int pid)
    {
        var client = new DiagnosticsClient(pid);
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcHeapCollectKeyword);
        using var session = client.StartEventPipeSession(provider, requestRundown: false);
        // The stream must be read or the runtime's buffer fills; the collection itself runs when the session starts.
        var drain = session.EventStream.CopyToAsync(Stream.Null);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await session.StopAsync(CancellationToken.None);
        await drain.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
