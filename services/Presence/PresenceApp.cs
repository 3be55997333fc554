using ChatDapr.Contracts.Names;
using ChatDapr.Presence.Actors;
using ChatDapr.ServiceDefaults;

namespace ChatDapr.Presence;

// The presence service's table of contents. Program.cs and the test harnesses build the app from these two methods,
// so the tests host exactly what runs in production.
public static class PresenceApp
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<PresenceOptions>(builder.Configuration.GetSection(PresenceOptions.Section));
        builder.Services.AddChatActors(actors => actors.RegisterActor<PresenceActor>(ActorTypes.PresenceActor));
        return builder;
    }

    public static WebApplication MapPresence(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapActorsHandlers();
        return app;
    }
}
