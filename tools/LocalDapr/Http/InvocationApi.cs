namespace ChatDapr.LocalDapr.Http;

// Placeholder: /v1.0/invoke/{appId}/method/{path} proxy is wired here.
public static class InvocationApi
{
    public static IServiceCollection AddServiceInvocation(this IServiceCollection services) => services;

    public static void MapServiceInvocation(this IEndpointRouteBuilder app) { }
}
