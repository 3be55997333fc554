using ChatDapr.Contracts;
using ChatDapr.Contracts.Events;
using ChatDapr.Messages.Apis;
using ChatDapr.Messages.Handlers;
using ChatDapr.Messages.History;
using ChatDapr.Messages.ReadMarkers;
using ChatDapr.Messages.Storage;
using Dapr;
using Dapr.Actors.Client;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatDapr.Messages;

public static class MessagesServices
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<JsonOptions>(o => ChatJson.Configure(o.SerializerOptions));
        services.AddExceptionHandler<ChatErrorHandler>();
        services.Configure<ProblemDetailsOptions>(o => o.CustomizeProblemDetails = ChatProblems.AddCode);
        services.AddDaprClient(dapr => dapr.UseJsonSerializationOptions(new(ChatJson.Options)));
        services.TryAddSingleton<IActorProxyFactory>(sp => RoomActorProxies(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton<IEventPublisher, DaprEventPublisher>();
        services.TryAddSingleton<IRoomLog, ActorRoomLog>();
        services.TryAddSingleton<MessageStore>();
        services.TryAddSingleton<ContiguityTracker>();
        services.TryAddSingleton<HistoryReader>();
        services.TryAddSingleton<MessageEventApplier>();
        services.TryAddSingleton<ReadMarkerStore>();
        return builder;
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
