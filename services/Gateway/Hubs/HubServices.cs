using ChatDapr.Contracts;
using ChatDapr.Contracts.Hub;
using Microsoft.AspNetCore.SignalR;

namespace ChatDapr.Gateway.Hubs;

public static class HubServices
{
    // Hub messages are small (a text of 4000 characters plus envelope); anything bigger is not a chat message.
    public const long MaximumReceiveMessageSize = 64 * 1024;

    public static IServiceCollection AddChatHub(this IServiceCollection services)
    {
        services.AddSingleton<ChatHubFilter>();
        services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
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
