using Microsoft.AspNetCore.Routing.Matching;

namespace ChatDapr.LocalDapr.Invocation;

/// <summary>Marks the endpoint that serves the <c>dapr-app-id</c> header form of service invocation.</summary>
public sealed class RequiresDaprAppIdHeader;

/// <summary>
/// Lets the header-form fallback endpoint match only requests that carry <c>dapr-app-id</c>, so every other
/// unknown path still gets routing's normal 404/405.
/// </summary>
public sealed class DaprAppIdHeaderPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<RequiresDaprAppIdHeader>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var hasHeader = httpContext.Request.Headers.ContainsKey(ProxyHeaders.DaprAppId);
        for (var i = 0; i < candidates.Count; i++)
            if (!hasHeader && candidates[i].Endpoint.Metadata.GetMetadata<RequiresDaprAppIdHeader>() is not null)
                candidates.SetValidity(i, false);
        return Task.CompletedTask;
    }
}
