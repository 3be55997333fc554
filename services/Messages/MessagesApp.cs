using ChatDapr.Contracts;
using ChatDapr.Messages.Apis;
using ChatDapr.Messages.Handlers;
using ChatDapr.Messages.History;
using ChatDapr.Messages.ReadMarkers;
using ChatDapr.Messages.Storage;
using ChatDapr.ServiceDefaults;
using Dapr;
using Dapr.Actors.Client;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatDapr.Messages;

// The messages service's table of contents. Program.cs and the test harnesses build the app from these two methods,
// so the tests host exactly what runs in production.
public static class MessagesApp
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<JsonOptions>(o => ChatJson.Configure(o.SerializerOptions));
        services.AddExceptionHandler<ChatErrorHandler>();
        services.Configure<ProblemDetailsOptions>(o => o.CustomizeProblemDetails = ChatProblems.AddCode);
        services.AddChatDapr();
        services.TryAddSingleton<IActorProxyFactory>(sp => new CachingActorProxyFactory(RoomActorProxies(sp.GetRequiredService<IConfiguration>())));
        services.TryAddSingleton<IRoomLog, ActorRoomLog>();
        services.TryAddSingleton<MessageStore>();
        services.TryAddSingleton<ContiguityTracker>();
        services.TryAddSingleton<HistoryAppender>();
        services.TryAddSingleton<HistoryReader>();
        services.TryAddSingleton<MessageEventApplier>();
        services.TryAddSingleton<ReadMarkerStore>();
        return builder;
    }

    public static WebApplication MapMessages(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCloudEvents();

        app.MapDefaultEndpoints();
        app.MapSubscribeHandler();
        app.MapHistoryApi();
        app.MapReadMarkersApi();
        app.MapMessagePostedHandler();
        app.MapMessageEditedHandler();
        app.MapMessageDeletedHandler();
        return app;
    }

    // The rooms app hosts the actors with JSON serialization and the contract's JSON shape, so callers must match.
    // The endpoint comes from configuration like DaprClient's (DAPR_HTTP_ENDPOINT wins over DAPR_HTTP_PORT).
    private static ActorProxyFactory RoomActorProxies(IConfiguration configuration) => new(new ActorProxyOptions
    {
        HttpEndpoint = DaprDefaults.GetDefaultHttpEndpoint(configuration),
        DaprApiToken = DaprDefaults.GetDefaultDaprApiToken(configuration),
        UseJsonSerialization = true,
        JsonSerializerOptions = new(ChatJson.Options),
    });
}
