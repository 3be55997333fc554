using ChatDapr.Contracts.Names;
using ChatDapr.Rooms.Actors;
using ChatDapr.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatDapr.Rooms;

// The rooms service's table of contents. Program.cs and the test harnesses build the app from these two methods, so
// the tests host exactly what runs in production.
public static class RoomsApp
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<RoomsOptions>(builder.Configuration.GetSection(RoomsOptions.Section));
        services.TryAddSingleton<IUserRoomsIndex, ActorUserRoomsIndex>();
        services.AddChatActors(actors =>
        {
            actors.RegisterActor<RoomActor>(ActorTypes.RoomActor);
            actors.RegisterActor<UserRoomsActor>(ActorTypes.UserRoomsActor);
        });
        return builder;
    }

    public static WebApplication MapRooms(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapActorsHandlers();
        return app;
    }
}
