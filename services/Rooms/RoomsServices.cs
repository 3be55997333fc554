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
        services.TryAddSingleton<IUserRoomsIndex, ActorUserRoomsIndex>();
        services.AddActors(actors =>
        {
            actors.Actors.RegisterActor<RoomActor>(ActorTypes.RoomActor);
            actors.Actors.RegisterActor<UserRoomsActor>(ActorTypes.UserRoomsActor);
            // JSON (not DataContract remoting): the contract records have no parameterless constructors.
            actors.UseJsonSerialization = true;
            actors.JsonSerializerOptions = new(ChatJson.Options);
        });
        return services;
    }
}
