using Xunit;

namespace ChatDapr.Testing.Systems;

/// <summary>One running system per test class (starting it takes seconds); each test owns fresh users and rooms.</summary>
public abstract class SystemFixture : IAsyncLifetime
{
    private ChatSystem? _system;

    public ChatSystem System => _system ?? throw new InvalidOperationException("the system did not start");

    protected abstract Task<ChatSystem> StartAsync();

    public virtual async ValueTask InitializeAsync() => _system = await StartAsync();

    public virtual async ValueTask DisposeAsync()
    {
        if (_system is not null)
            await _system.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
