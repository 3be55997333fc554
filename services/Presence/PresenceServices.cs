using ChatDapr.Contracts;
using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Names;
using ChatDapr.Presence.Actors;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatDapr.Presence;

public static class PresenceServices
{
    public static IServiceCollection AddPresenceServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PresenceOptions>(configuration.GetSection(PresenceOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddDaprClient(dapr => dapr.UseJsonSerializationOptions(new(ChatJson.Options)));
        services.TryAddSingleton<IEventPublisher, DaprEventPublisher>();
        services.AddActors(actors =>
        {
            actors.Actors.RegisterActor<PresenceActor>(ActorTypes.PresenceActor);
            // JSON (not DataContract remoting): the contract records have no parameterless constructors.
            actors.UseJsonSerialization = true;
            actors.JsonSerializerOptions = new(ChatJson.Options);
        });
        return services;
    }
}
