using ChatDapr.LocalDapr.State;
using Grpc.AspNetCore.Server.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatDapr.LocalDapr.Grpc;

/// <summary>The gRPC Dapr API (state, publish, bindings, secrets, metadata) and the services it shares with HTTP.</summary>
public static class GrpcApi
{
    public static IServiceCollection AddDaprGrpcApi(this IServiceCollection services)
    {
        services.AddGrpc(o =>
        {
            // Same ceiling as the HTTP endpoint (Kestrel's MaxRequestBodySize), so attachments fit either way.
            o.MaxReceiveMessageSize = 64 * 1024 * 1024;
        });
        services.AddSingleton<GrpcErrorMapping>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServiceMethodProvider<DaprGrpcService>, DaprMethodProvider>());
        services.AddSingleton<DaprGrpcService>();
        services.AddSingleton<StateAccess>();
        services.AddSingleton<SidecarMetadata>();
        return services;
    }

    public static void MapDaprGrpcApi(this IEndpointRouteBuilder app) => app.MapGrpcService<DaprGrpcService>();
}
