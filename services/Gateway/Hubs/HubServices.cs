using ChatDapr.Contracts;
using ChatDapr.Contracts.Hub;
using ChatDapr.Contracts.Names;
using ChatDapr.Gateway.Chat;
using ChatDapr.Gateway.Messages;
using ChatDapr.Gateway.Metrics;
using ChatDapr.Gateway.RateLimiting;
using Dapr;
using Dapr.Client;
using Microsoft.AspNetCore.SignalR;

namespace ChatDapr.Gateway.Hubs;

public static class HubServices
{
    // Hub messages are small (a text of 4000 characters plus envelope); anything bigger is not a chat message.
    public const long MaximumReceiveMessageSize = 64 * 1024;

    public static IServiceCollection AddChatHub(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.Configure<TypingOptions>(configuration.GetSection(TypingOptions.Section));
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<SendRateLimiter>();
        services.AddSingleton<ChatHubFilter>();
        services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        services.AddSingleton<RoomAccess>();
        services.AddSingleton<RoomCommands>();
        services.AddSingleton<MessageCommands>();
        services.AddSingleton<ReadQueries>();
        services.AddSingleton<PresenceQueries>();
        services.AddSingleton<TypingThrottle>();
        services.AddSingleton<TypingCommands>();
        services.AddSingleton<IMessagesClient>(sp =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            return new DaprMessagesClient(DaprClient.CreateInvokeHttpClient(
                AppIds.Messages, DaprDefaults.GetDefaultHttpEndpoint(config), DaprDefaults.GetDefaultDaprApiToken(config)));
        });
        services.AddSignalR(hub =>
            {
                hub.MaximumReceiveMessageSize = MaximumReceiveMessageSize;
                hub.AddFilter<ChatHubFilter>();
            })
            .AddJsonProtocol(json => ChatJson.Configure(json.PayloadSerializerOptions))
            .AddMessagePackProtocol();
        return services;
    }

    public static IEndpointRouteBuilder MapChatHub(this IEndpointRouteBuilder app)
    {
        // An expired token closes the connection; the client logs in again and reconnects (then Syncs).
        app.MapHub<ChatHub>(HubRoutes.Chat, options => options.CloseOnAuthenticationExpiration = true);
        return app;
    }
}
