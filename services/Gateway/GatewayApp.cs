using ChatDapr.Contracts;
using ChatDapr.Gateway.Accounts;
using ChatDapr.Gateway.Apis;
using ChatDapr.Gateway.Auth;
using ChatDapr.Gateway.Chat;
using ChatDapr.Gateway.Connections;
using ChatDapr.Gateway.Fanout;
using ChatDapr.Gateway.Hubs;
using ChatDapr.Gateway.Messages;
using ChatDapr.Gateway.Web;
using ChatDapr.ServiceDefaults;

namespace ChatDapr.Gateway;

// The gateway's table of contents. Program.cs and the service tests both build the app from these two methods, so
// the tests host exactly what runs in production.
public static class GatewayApp
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        var (services, configuration) = (builder.Services, builder.Configuration);
        builder.Logging.AddGatewayLogRules();
        services.AddDaprClient(dapr => dapr.UseJsonSerializationOptions(new(ChatJson.Options)));
        services.ConfigureHttpJsonOptions(json => ChatJson.Configure(json.SerializerOptions));
        services.AddTokenAuthentication(configuration);
        services.AddAccounts(configuration);
        services.AddConnections(configuration);
        services.AddMessagesClient();
        services.AddChatServices(configuration);
        services.AddChatHub();
        services.AddFanout();
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        // First, so no later component (logging, tracing, errors) sees the hub's access_token query parameter.
        app.UseMiddleware<HubAccessTokenMiddleware>();
        app.UseWebClient();
        app.UseCloudEvents();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapDefaultEndpoints();
        app.MapAuthApi();
        app.MapUsersApi();
        app.MapChatHub();
        app.MapFanoutSubscriptions();
        return app;
    }
}
