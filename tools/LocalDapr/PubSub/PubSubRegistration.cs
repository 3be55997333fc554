namespace ChatDapr.LocalDapr.PubSub;

// Placeholder: subscription discovery, delivery workers and the HTTP publish API are wired here.
public static class PubSubRegistration
{
    public static IServiceCollection AddPubSubDelivery(this IServiceCollection services) => services;

    public static void MapPublishHttpApi(this IEndpointRouteBuilder app) { }
}
