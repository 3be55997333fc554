using ChatDapr.Testing;

[assembly: AssemblyFixture(typeof(ChatDapr.LocalDapr.Tests.PubSub.SharedRedis))]

namespace ChatDapr.LocalDapr.Tests.PubSub;

/// <summary>
/// One redis-server for the pub/sub tests that only need a broker (each test uses its own topics); started on first
/// use so a machine without redis-server skips only the Redis cases. Tests that stop Redis start their own.
/// </summary>
public sealed class SharedRedis : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RedisServer? _server;

    public async Task<string> AddressAsync()
    {
        Infrastructure.RequireBinary("redis-server", "redis-server", "/usr/sbin", "/usr/local/bin");
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            _server ??= await RedisServer.StartAsync();
            return _server.Address;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        _gate.Dispose();
    }
}
