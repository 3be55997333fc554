namespace ChatDapr.LocalDapr.Http;

// Placeholder: the HTTP state API (/v1.0/state/{store}) is wired here.
public static class StateHttpApi
{
    public static void MapStateHttpApi(this IEndpointRouteBuilder app) { }
}
