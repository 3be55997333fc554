namespace ChatDapr.LocalDapr.Actors;

/// <summary>
/// <c>PUT|POST|GET|DELETE …/reminders/{name}</c>. Reminders are persisted; the owner of the actor schedules them.
/// A reminder for a type nobody hosts yet is only stored, and its host schedules it when it starts.
/// </summary>
public static class ActorReminderApi
{
    public static void MapActorReminderApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods(ActorEndpoint.Prefix + "/reminders/{name}", ["PUT", "POST"],
            (HttpContext context, string actorType, string actorId, string name, ActorRouter router, ReminderStore store, ReminderScheduler scheduler) =>
                ActorEndpoint.HandleAsync(context, "ERR_ACTOR_REMINDER_CREATE", async ct =>
                {
                    var reminder = new ReminderRef(actorType, actorId, name);
                    var request = await ActorRequest.ReadAsync(context.Request, ct);
                    var body = JsonFields.Parse(request.Body);
                    var ttl = JsonFields.String(body, "ttl");
                    if (!ActorSchedule.TryParse(JsonFields.String(body, "dueTime"), JsonFields.String(body, "period"), ttl,
                            DateTimeOffset.UtcNow, out var schedule, out var error))
                        throw new ActorApiException(400, "ERR_ACTOR_REMINDER_CREATE", error);
                    var record = ReminderRecord.Create(reminder, schedule, JsonFields.Get(body, "data"), ttl);
                    return await router.RouteAsync(context, reminder.Actor, request,
                        local: async () =>
                        {
                            await store.SaveAsync(record, ct);
                            scheduler.Restart(reminder);
                            return ActorResponse.NoContent;
                        },
                        whenUnhosted: async () =>
                        {
                            await store.SaveAsync(record, ct);
                            return ActorResponse.NoContent;
                        });
                }));

        app.MapGet(ActorEndpoint.Prefix + "/reminders/{name}",
            (HttpContext context, string actorType, string actorId, string name, ReminderStore store) =>
                ActorEndpoint.HandleAsync(context, "ERR_ACTOR_REMINDER_GET", async ct =>
                    // A missing reminder answers JSON null, which the SDK's GetReminderAsync turns into null.
                    ActorResponse.Json(await store.GetAsync(new ReminderRef(actorType, actorId, name), ct) is var (record, _)
                        ? record.GetBody()
                        : "null"u8.ToArray())));

        app.MapDelete(ActorEndpoint.Prefix + "/reminders/{name}",
            (HttpContext context, string actorType, string actorId, string name, ActorRouter router, ReminderStore store, ReminderScheduler scheduler) =>
                ActorEndpoint.HandleAsync(context, "ERR_ACTOR_REMINDER_DELETE", async ct =>
                {
                    var reminder = new ReminderRef(actorType, actorId, name);
                    var request = await ActorRequest.ReadAsync(context.Request, ct);
                    async Task<ActorResponse> Delete()
                    {
                        scheduler.Stop(reminder);
                        await store.DeleteAsync(reminder, ct);
                        return ActorResponse.NoContent;
                    }
                    return await router.RouteAsync(context, reminder.Actor, request, Delete, whenUnhosted: Delete);
                }));
    }
}
