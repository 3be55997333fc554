using ChatDapr.Testing;

namespace ChatDapr.LocalDapr.Tests.State;

/// <summary>One redis-server shared by a test class (each test uses its own keys).</summary>
public sealed class RedisFixture : LazyRedisServer;
