namespace ChatDapr.Web.Tests.Browser;

/// <summary>
/// Alice and Bob, freshly registered in two browser contexts, with the direct conversation Alice opened through the
/// UI on her screen. Disposing it closes both contexts.
/// </summary>
public sealed class DirectPair(ChatPage alice, ChatPage bob) : IAsyncDisposable
{
    public ChatPage Alice { get; } = alice;
    public ChatPage Bob { get; } = bob;

    public static async Task<DirectPair> OpenAsync(WebSystem web)
    {
        var id = Guid.NewGuid().ToString("N")[..6];
        var pair = new DirectPair(await web.OpenAsync(), await web.OpenAsync());
        try
        {
            await pair.Alice.RegisterAsync($"Alice {id}");
            await pair.Bob.RegisterAsync($"Bob {id}");
            await pair.Alice.StartDirectMessageAsync(pair.Bob);
            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Alice.DisposeAsync();
        await Bob.DisposeAsync();
    }
}
