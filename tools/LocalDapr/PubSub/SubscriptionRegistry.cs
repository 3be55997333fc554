namespace ChatDapr.LocalDapr.PubSub;

/// <summary>
/// The subscriptions this sidecar serves. <see cref="Started"/> completes once every subscription is active at its
/// broker (after the app answered <c>/dapr/subscribe</c>), and fails when they cannot be served.
/// </summary>
public sealed class SubscriptionRegistry
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<SubscriptionSpec> Active { get; private set; } = [];

    public Task Started => _started.Task;

    internal void SetStarted(IReadOnlyList<SubscriptionSpec> active)
    {
        Active = active;
        _started.TrySetResult();
    }

    internal void SetFailed(Exception e) => _started.TrySetException(e);
}
