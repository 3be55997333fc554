using ChatDapr.Contracts.Hub;
using Microsoft.AspNetCore.Http.Extensions;

namespace ChatDapr.Gateway.Auth;

// Browsers cannot set headers on WebSocket requests, so hub clients send the token as ?access_token=. It is moved out
// of the query string before anything else sees the request, so no later log line, trace or error page contains it;
// JwtBearer reads it from HttpContext.Items instead. Only the hub path is accepted; REST must use the header.
// (The hosting layer's "Request starting" line is written before any middleware runs; GatewayLogging silences it.)
internal sealed class HubAccessTokenMiddleware(RequestDelegate next)
{
    private const string ItemKey = "chatdapr.hub-access-token";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Query.ContainsKey(HubRoutes.AccessTokenQuery))
        {
            var token = request.Query[HubRoutes.AccessTokenQuery].ToString();
            if (request.Path.StartsWithSegments(HubRoutes.Chat))
                context.Items[ItemKey] = token;
            request.QueryString = Without(request.Query, HubRoutes.AccessTokenQuery);
        }
        return next(context);
    }

    public static string? TokenOf(HttpContext context) => context.Items[ItemKey] as string;

    private static QueryString Without(IQueryCollection query, string name)
    {
        var builder = new QueryBuilder();
        foreach (var (key, values) in query)
        {
            if (key == name)
                continue;
            foreach (var value in values)
                builder.Add(key, value ?? "");
        }
        return builder.ToQueryString();
    }
}
