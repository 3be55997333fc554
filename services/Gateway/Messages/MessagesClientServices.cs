using ChatDapr.Contracts.Names;
using Dapr;
using Dapr.Client;

namespace ChatDapr.Gateway.Messages;

public static class MessagesClientServices
{
    // A messages-service call that takes longer fails instead of holding a hub call open.
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    // Service invocation of app-id "messages" through this app's sidecar; endpoint and token from IConfiguration.
    public static IServiceCollection AddMessagesClient(this IServiceCollection services)
    {
        services.AddSingleton<IMessagesClient>(sp =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var http = DaprClient.CreateInvokeHttpClient(
                AppIds.Messages, DaprDefaults.GetDefaultHttpEndpoint(config), DaprDefaults.GetDefaultDaprApiToken(config));
            http.Timeout = CallTimeout;
            return new DaprMessagesClient(http);
        });
        return services;
    }
}
