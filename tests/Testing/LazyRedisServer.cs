namespace ChatDapr.Testing;

/// <summary>
/// One redis-server shared by the tests of a fixture, started on first use from inside a test, so that a machine
/// without redis-server skips only the tests that need it (CI, with CHATDAPR_REQUIRE_INFRA=1, fails instead).
/// Tests that stop or restart Redis start their own <see cref="RedisServer"/>.
/// </summary>
public class LazyRedisServer : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RedisServer? _server;

    public async Task<RedisServer> GetAsync()
    {
        await _gate.WaitAsync(Xunit.TestContext.Current.CancellationToken);
        try
        {
            return _server ??= await RedisServer.StartAsync().WithTimeout("redis-server starts");
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<string> AddressAsync() => (await GetAsync()).Address;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        _gate.Dispose();
        GC.SuppressFinalize(this);
    }
}
