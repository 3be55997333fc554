using ChatDapr.Testing;

namespace ChatDapr.EndToEnd.Tests;

/// <summary>The embedded default profile (SQLite + in-memory broker), one gateway.</summary>
public sealed class EmbeddedSystem : SystemFixture
{
    protected override Task<ChatSystem> StartAsync() => ChatSystem.StartAsync("embedded");
}

/// <summary>The embedded profile with two gateway instances (invariant 8).</summary>
public sealed class TwoGatewaySystem : SystemFixture
{
    protected override Task<ChatSystem> StartAsync() => ChatSystem.StartAsync("embedded", gateways: 2);
}

/// <summary>The Redis profile against a real redis-server started for the class.</summary>
public sealed class RedisSystem : SystemFixture
{
    private RedisServer? _redis;

    protected override async Task<ChatSystem> StartAsync()
    {
        _redis = await RedisServer.StartAsync();
        return await ChatSystem.StartAsync("redis", gateways: 2, redis: _redis);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_redis is not null)
            await _redis.DisposeAsync();
    }
}

/// <summary>Two gateways on the embedded profile, one of which a test kills.</summary>
public sealed class KilledGatewaySystem : SystemFixture
{
    protected override Task<ChatSystem> StartAsync() => ChatSystem.StartAsync("embedded", gateways: 2);
}
