using ChatDapr.LocalDapr.Invocation;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatDapr.LocalDapr.Http;

/// <summary>
/// Service invocation: <c>{verb} /v1.0/invoke/{appId}/method/{path}</c> (or any path with a <c>dapr-app-id</c>
/// header) is proxied, streaming, to an instance of the target app through that instance's sidecar.
/// </summary>
public static class InvocationApi
{
    public static IServiceCollection AddServiceInvocation(this IServiceCollection services)
    {
        services.AddSingleton<RoundRobin>();
        services.AddSingleton<PeerChannel>();
        services.AddSingleton<OutboundInvoker>();
        services.AddSingleton<InboundInvoker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, DaprAppIdHeaderPolicy>());
        return services;
    }

    public static void MapServiceInvocation(this IEndpointRouteBuilder app)
    {
        app.Map("/v1.0/invoke/{appId}/method/{**method}", (HttpContext context, string appId, string? method, OutboundInvoker invoker) =>
            invoker.InvokeAsync(context, InvokeTarget.TryParseInvokePath(HttpProxy.RawTarget(context), out var target)
                ? target
                // The raw target had an unusual shape (e.g. "/v1.0//invoke"): fall back to the decoded route values.
                : new InvokeTarget(InvokeTarget.StripNamespace(appId),
                    new PathString("/" + method).ToUriComponent().TrimStart('/') + context.Request.QueryString.ToUriComponent())));

        app.MapFallback("{**path}", (HttpContext context, OutboundInvoker invoker) =>
                invoker.InvokeAsync(context, InvokeTarget.FromHeader(context.Request.Headers[ProxyHeaders.DaprAppId].ToString(), HttpProxy.RawTarget(context))))
            .WithMetadata(new RequiresDaprAppIdHeader());

        app.Map(InboundInvoker.RoutePrefix + "/{appId}/{**method}", (HttpContext context, string appId, InboundInvoker invoker) =>
            invoker.InvokeAsync(context, appId));
    }
}
