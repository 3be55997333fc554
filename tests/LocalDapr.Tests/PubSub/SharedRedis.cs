using ChatDapr.Testing;

[assembly: AssemblyFixture(typeof(ChatDapr.LocalDapr.Tests.PubSub.SharedRedis))]

namespace ChatDapr.LocalDapr.Tests.PubSub;

/// <summary>One redis-server for the pub/sub tests that only need a broker (each test uses its own topics).</summary>
public sealed class SharedRedis : LazyRedisServer;
