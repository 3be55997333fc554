using System.Text.Json;

namespace ChatDapr.LocalDapr.Hosting;

/// <summary>What the sidecar learned from the app once it answered: <c>/dapr/config</c> and <c>/dapr/subscribe</c>, raw.</summary>
public sealed record AppInfo(JsonElement? ActorConfig, JsonElement? Subscriptions)
{
    public static AppInfo None { get; } = new(null, null);
}

/// <summary>Completes when the app port answers and discovery has run; consumers await <see cref="Ready"/>.</summary>
public sealed class AppReadiness
{
    private readonly TaskCompletionSource<AppInfo> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<AppInfo> Ready => _ready.Task;

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    public void SetReady(AppInfo info) => _ready.TrySetResult(info);

    public void SetFailed(Exception e) => _ready.TrySetException(e);
}
