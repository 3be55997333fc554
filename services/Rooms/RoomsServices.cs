using ChatDapr.Contracts;
using ChatDapr.Contracts.Events;
using ChatDapr.Contracts.Names;
using ChatDapr.Rooms.Actors;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatDapr.Rooms;

public static class RoomsServices
{
    public static IServiceCollection AddRoomsServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RoomsOptions>(configuration.GetSection(RoomsOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddDaprClient(dapr => dapr.UseJsonSerializationOptions(new(ChatJson.Options)));
        services.TryAddSingleton<IEventPublisher, DaprEventPublisher>();
        services.AddActors(actors =>
        {
            actors.Actors.RegisterActor<RoomActor>(ActorTypes.RoomActor);
            // JSON (not DataContract remoting): the contract records have no parameterless constructors.
            actors.UseJsonSerialization = true;
            actors.JsonSerializerOptions = new(ChatJson.Options);
        });
        return services;
    }
}
