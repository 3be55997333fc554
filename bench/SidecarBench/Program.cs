using ChatDapr.SidecarBench;

// Sidecar cost per operation, each figure beside its bare-store baseline measured in the same run:
//   1. SaveState+GetState via the local sidecar (DaprClient, gRPC) vs HSET+HGET via StackExchange.Redis
//   2. publish -> delivery latency via the sidecar (pubsub.redis) vs raw Redis Streams (XADD / XREADGROUP)
// The sidecar runs in this process and then as its own process; only the latter's CPU is the sidecar's alone
// (the "sidecar CPU per hop" rows). Results and their reading: docs/benchmarks.md.
// Usage: dotnet run -c Release --project bench/SidecarBench [-- --ops 20000 --warmup 3000 --warmup-seconds 10 --rate 1000 --seconds 10] [--process-only]
var settings = BenchSettings.Parse(args);
await using var env = await BenchEnvironment.StartAsync();
var report = new Report(settings);
await StateBench.RunAsync(env, settings, report);
await PubSubBench.RunAsync(env, settings, report);
report.Print();
