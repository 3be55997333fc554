namespace ChatDapr.LocalDapr.Actors;

/// <summary><c>PUT|POST|DELETE …/timers/{name}</c>: timers of an active actor, run by the sidecar that owns it.</summary>
public static class ActorTimerApi
{
    public static void MapActorTimerApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods(ActorEndpoint.Prefix + "/timers/{name}", ["PUT", "POST"],
            (HttpContext context, string actorType, string actorId, string name, ActorRouter router, ActorRuntime runtime) =>
                ActorEndpoint.HandleAsync(context, "ERR_ACTOR_TIMER_CREATE", async ct =>
                {
                    var key = new ActorKey(actorType, actorId);
                    var request = await ActorRequest.ReadAsync(context.Request, ct);
                    var body = JsonFields.Parse(request.Body);
                    if (!ActorSchedule.TryParse(JsonFields.String(body, "dueTime"), JsonFields.String(body, "period"), JsonFields.String(body, "ttl"),
                            DateTimeOffset.UtcNow, out var schedule, out var error))
                        throw new ActorApiException(400, "ERR_ACTOR_TIMER_CREATE", error);
                    return await router.RouteAsync(context, key, request, () =>
                    {
                        runtime.StartTimer(key, name, schedule, JsonFields.String(body, "callback"), JsonFields.Get(body, "data"));
                        return Task.FromResult(ActorResponse.NoContent);
                    });
                }));

        app.MapDelete(ActorEndpoint.Prefix + "/timers/{name}",
            (HttpContext context, string actorType, string actorId, string name, ActorRouter router, ActorRuntime runtime) =>
                ActorEndpoint.HandleAsync(context, "ERR_ACTOR_TIMER_DELETE", async ct =>
                {
                    var key = new ActorKey(actorType, actorId);
                    var request = await ActorRequest.ReadAsync(context.Request, ct);
                    Task<ActorResponse> Stop()
                    {
                        runtime.StopTimer(key, name);
                        return Task.FromResult(ActorResponse.NoContent);
                    }
                    return await router.RouteAsync(context, key, request, Stop, whenUnhosted: Stop);
                }));
    }
}
