using ChatDapr.ChatLoad;
using ChatDapr.ChatLoad.Baseline;

// Chat load: many SignalR clients (MessagePack) send to rooms at fixed offered rates (open loop) through
//   1. the whole ChatDapr system on the embedded profile, started as users start it (localdapr run -f dapr.yaml), and
//   2. a bare SignalR hub doing the same fan-out with no Dapr and no storage (this program, run as its own process),
// in the same run, and reports delivery latency, throughput at p99 <= 100 ms, CPU per delivery per process and memory
// per idle connection, with a plot. Results and their reading: docs/benchmarks.md.
// Usage: dotnet run -c Release --project bench/ChatLoad [-- --sizes 2,10,100 --seconds 5 --idle 500 ...] (see LoadSettings)
if (args is [BaselineServer.Command, ..])
{
    await BaselineServer.RunAsync(args);
    return;
}
var settings = LoadSettings.Parse(args);
await BenchRun.RunAsync(settings);
