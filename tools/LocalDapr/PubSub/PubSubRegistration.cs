namespace ChatDapr.LocalDapr.PubSub;

/// <summary>Wires subscription discovery, delivery and the HTTP publish API into a sidecar.</summary>
public static class PubSubRegistration
{
    public static IServiceCollection AddPubSubDelivery(this IServiceCollection services)
    {
        services.AddSingleton<SubscriptionRegistry>();
        services.AddHostedService<PubSubDeliveryService>();
        return services;
    }

    public static void MapPublishHttpApi(this IEndpointRouteBuilder app) => PublishHttpApi.Map(app);
}
