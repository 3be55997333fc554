using ChatDapr.LocalDapr.Cluster;

namespace ChatDapr.LocalDapr.Actors;

/// <summary>
/// Decides where an actor API request runs: here when this sidecar owns the actor (or the request was already
/// routed here by a peer), otherwise at the owner sidecar, whose answer is relayed unchanged.
/// </summary>
public sealed class ActorRouter(PlacementTable placement, ActorRuntime runtime, ActorForwarder forwarder, IClusterRegistry registry)
{
    // A sidecar that just started may not see the actor's hosts yet; daprd likewise waits for placement.
    private static readonly TimeSpan OwnerWait = TimeSpan.FromSeconds(5);
    // How long to keep retrying an owner that refuses connections (it died and the registry has not noticed yet).
    private static readonly TimeSpan UnreachableRetry = TimeSpan.FromSeconds(8);

    /// <summary>
    /// Runs <paramref name="local"/> here or forwards the request. With <paramref name="whenUnhosted"/> a request
    /// for a type no instance hosts runs it instead of failing (reminders may be stored before their host starts).
    /// With <paramref name="onOwnerRuntime"/>, an owner in this process runs it on its runtime directly
    /// (<see cref="InProcessActorRuntimes"/>) instead of being sent the request over HTTP.
    /// </summary>
    public async Task<ActorResponse> RouteAsync(
        HttpContext context,
        ActorKey key,
        ActorRequest request,
        Func<Task<ActorResponse>> local,
        Func<Task<ActorResponse>>? whenUnhosted = null,
        Func<ActorRuntime, Task<ActorResponse>>? onOwnerRuntime = null)
    {
        var ct = context.RequestAborted;
        if (context.Request.Headers.ContainsKey(ActorForwarder.RoutedHeader))
        {
            if (!runtime.Hosts(key.Type))
                throw new ActorApiException(500, "ERR_ACTOR_INSTANCE_MISSING", $"actor type {key.Type} is not hosted by this instance");
            return await local();
        }
        var deadline = DateTime.UtcNow + UnreachableRetry;
        while (true)
        {
            var owner = await placement.WaitForOwnerAsync(key.Type, key.Id, whenUnhosted is null ? OwnerWait : TimeSpan.Zero, ct);
            if (owner is null)
                return whenUnhosted is not null
                    ? await whenUnhosted()
                    : throw new ActorApiException(500, "ERR_ACTOR_INSTANCE_MISSING", $"did not find address for actor {key}: no instance hosts actor type {key.Type}");
            if (placement.IsLocal(owner))
                return await local();
            if (onOwnerRuntime is not null && InProcessActorRuntimes.Of(registry).TryGet(owner.InstanceId, out var ownerRuntime))
            {
                // What the owner's endpoint checks for a routed request, then what it runs.
                if (!ownerRuntime.Hosts(key.Type))
                    throw new ActorApiException(500, "ERR_ACTOR_INSTANCE_MISSING", $"actor type {key.Type} is not hosted by its owner instance");
                return await onOwnerRuntime(ownerRuntime);
            }
            try
            {
                var path = context.Request.Path.Value + context.Request.QueryString.Value;
                return await forwarder.ForwardAsync(owner, context.Request.Method, path, request, ct);
            }
            catch (Exception e) when (ActorForwarder.IsUnreachable(e) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            }
            catch (Exception e) when (ActorForwarder.IsUnreachable(e))
            {
                throw new ActorApiException(500, "ERR_ACTOR_INVOKE_METHOD", $"the instance hosting actor {key} is unreachable: {e.Message}");
            }
        }
    }
}
