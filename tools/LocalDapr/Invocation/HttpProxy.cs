using Microsoft.AspNetCore.Http.Features;

namespace ChatDapr.LocalDapr.Invocation;

/// <summary>Copies an incoming request into an outgoing one and the answer back, streaming both bodies.</summary>
public static class HttpProxy
{
    /// <summary>The request target as the client sent it (path still URL-encoded, with the query).</summary>
    public static string RawTarget(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw
            : context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent();

    /// <summary>Builds the outgoing request; <paramref name="forward"/> decides which incoming headers go along.</summary>
    public static HttpRequestMessage CreateRequest(HttpContext context, Uri target, Func<string, bool> forward)
    {
        var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), target);
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? context.Request.ContentLength > 0)
        {
            // Streamed, never buffered: large uploads pass through with constant memory.
            request.Content = new StreamContent(context.Request.Body);
            request.Content.Headers.ContentLength = context.Request.ContentLength;
        }
        foreach (var (name, values) in context.Request.Headers)
        {
            if (!forward(name) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                continue;
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }
        return request;
    }

    /// <summary>Writes status, headers and the streamed body of <paramref name="response"/> to the caller.</summary>
    public static async Task CopyResponseAsync(HttpContext context, HttpResponseMessage response)
    {
        var ct = context.RequestAborted;
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            if (!ProxyHeaders.IsHopByHop(name))
                context.Response.Headers[name] = values.ToArray();
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        await body.CopyToAsync(context.Response.Body, ct);
    }

    /// <summary>Appends a method path (already encoded) to a base URL without letting <c>//host</c> escape it.</summary>
    public static Uri Combine(string baseUrl, string methodPathAndQuery) =>
        new(baseUrl.TrimEnd('/') + "/" + methodPathAndQuery.TrimStart('/'));
}
