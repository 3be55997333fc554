namespace ChatDapr.LocalDapr.Actors;

// Placeholder: actor runtime (placement, turn-based concurrency, timers, reminders) and its HTTP API are wired here.
public static class ActorsRegistration
{
    public static IServiceCollection AddActorRuntime(this IServiceCollection services) => services;

    public static void MapActorsApi(this IEndpointRouteBuilder app) { }
}
