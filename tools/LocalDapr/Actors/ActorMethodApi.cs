namespace ChatDapr.LocalDapr.Actors;

/// <summary><c>{verb} /v1.0/actors/{type}/{id}/method/{method}</c>: one turn of the actor, wherever it is placed.</summary>
public static class ActorMethodApi
{
    public static void MapActorMethodApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods(ActorEndpoint.Prefix + "/method/{method}", ["GET", "POST", "PUT", "DELETE"],
            (HttpContext context, string actorType, string actorId, string method, ActorRouter router, ActorRuntime runtime) =>
                ActorEndpoint.HandleAsync(context, "ERR_ACTOR_INVOKE_METHOD", async ct =>
                {
                    var key = new ActorKey(actorType, actorId);
                    var request = await ActorRequest.ReadAsync(context.Request, ct);
                    var escaped = ActorAppClient.Escape(method);
                    return await router.RouteAsync(context, key, request,
                        () => runtime.InvokeAsync(key, escaped, request, ct),
                        onOwnerRuntime: owner => owner.InvokeAsync(key, escaped, request, ct));
                }));
    }
}
