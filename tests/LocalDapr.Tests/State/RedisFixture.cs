using ChatDapr.Testing;

namespace ChatDapr.LocalDapr.Tests.State;

/// <summary>
/// One redis-server shared by a test class. Started lazily from inside a test, so that a machine without
/// redis-server skips the test (RedisServer asks xUnit to) instead of failing the fixture.
/// </summary>
public sealed class RedisFixture : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RedisServer? _server;

    public async Task<RedisServer> GetAsync()
    {
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            return _server ??= await RedisServer.StartAsync().WithTimeout("redis-server starts");
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
