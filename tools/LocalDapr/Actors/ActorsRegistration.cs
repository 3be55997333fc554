using ChatDapr.LocalDapr.Cluster;

namespace ChatDapr.LocalDapr.Actors;

/// <summary>The actor runtime (placement, turns, timers, reminders) and the actor HTTP API of the sidecar.</summary>
public static class ActorsRegistration
{
    public static IServiceCollection AddActorRuntime(this IServiceCollection services)
    {
        services.AddSingleton<PlacementMembership>();
        services.AddSingleton<PlacementTable>();
        services.AddSingleton<ActorTable>();
        services.AddSingleton<Grpc.IActiveActorsReporter, ActiveActorsReporter>();
        services.AddSingleton<ActorAppClient>();
        services.AddSingleton<ActorForwarder>();
        services.AddSingleton<ActorRuntime>();
        services.AddSingleton<ActorRouter>();
        services.AddSingleton<ReminderStore>();
        services.AddSingleton<ReminderScheduler>();
        services.AddHostedService<ActorStartup>();
        return services;
    }

    public static void MapActorsApi(this IEndpointRouteBuilder app)
    {
        app.MapActorMethodApi();
        app.MapActorStateApi();
        app.MapActorTimerApi();
        app.MapActorReminderApi();
    }
}
