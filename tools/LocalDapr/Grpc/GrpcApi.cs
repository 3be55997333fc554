namespace ChatDapr.LocalDapr.Grpc;

// Placeholder: the gRPC Dapr API (state, publish, bindings, secrets, metadata) is wired here.
public static class GrpcApi
{
    public static IServiceCollection AddDaprGrpcApi(this IServiceCollection services) => services;

    public static void MapDaprGrpcApi(this IEndpointRouteBuilder app) { }
}
