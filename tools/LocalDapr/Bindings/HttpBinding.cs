using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using ChatDapr.LocalDapr.Components;

namespace ChatDapr.LocalDapr.Bindings;

/// <summary>
/// bindings.http: one HTTP call per invocation to <c>url</c> + request metadata <c>path</c>. As in daprd, request
/// metadata keys that start with an upper-case letter are sent as headers, and the response comes back as data with
/// <c>statusCode</c> and the response headers as metadata. A non-2xx answer is an error unless errorIfNot2XX is false.
/// </summary>
public sealed class HttpBinding : IOutputBinding
{
    private static readonly IReadOnlyDictionary<string, HttpMethod> Methods = new Dictionary<string, HttpMethod>
    {
        ["get"] = HttpMethod.Get, ["head"] = HttpMethod.Head, ["post"] = HttpMethod.Post, ["create"] = HttpMethod.Post,
        ["put"] = HttpMethod.Put, ["patch"] = HttpMethod.Patch, ["delete"] = HttpMethod.Delete,
        ["options"] = HttpMethod.Options, ["trace"] = HttpMethod.Trace,
    };

    private readonly string _url;
    private readonly bool _errorIfNot2Xx;
    private readonly HttpClient _client;

    public HttpBinding(ComponentDefinition definition)
    {
        Name = definition.Name;
        var url = definition.Metadata.Require("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ResourceLoadException(definition.Source, $"component '{Name}': url '{url}' must be an absolute http(s) URL");
        _url = url.TrimEnd('/');
        _errorIfNot2Xx = definition.Metadata.GetBool("errorIfNot2XX", fallback: true);
        _client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            // The caller's trace context arrives in request metadata; do not let the handler invent another one.
            ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator(),
        })
        { Timeout = definition.Metadata.GetDuration("responseTimeout", TimeSpan.FromSeconds(100)) };
    }

    public string Name { get; }
    public IReadOnlyList<string> Operations { get; } = [.. Methods.Keys];

    public async Task<BindingResponse> InvokeAsync(BindingRequest request, CancellationToken ct)
    {
        if (!Methods.TryGetValue(request.Operation, out var method))
            throw new ArgumentException($"unsupported operation {request.Operation}; bindings.http supports {string.Join(", ", Operations)}");
        var path = request.Metadata.GetValueOrDefault("path") is { Length: > 0 } p ? "/" + p.TrimStart('/') : "";
        using var message = new HttpRequestMessage(method, _url + path);
        if (request.Data.Length > 0 && method != HttpMethod.Get && method != HttpMethod.Head)
        {
            message.Content = new ByteArrayContent(request.Data);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
        }
        foreach (var (key, value) in request.Metadata.Where(kv => IsHeader(kv.Key)))
        {
            if (!key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
                message.Headers.TryAddWithoutValidation(key, value);
            else if (message.Content is not null)
            {
                message.Content.Headers.Remove(key); // replaces the default Content-Type
                message.Content.Headers.TryAddWithoutValidation(key, value);
            }
        }

        using var response = await _client.SendAsync(message, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        var status = (int)response.StatusCode;
        if (_errorIfNot2Xx && status is < 200 or >= 300)
            throw new HttpRequestException($"received status code {status}", null, response.StatusCode);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["statusCode"] = status.ToString(CultureInfo.InvariantCulture),
            ["status"] = $"{status} {response.ReasonPhrase}",
        };
        foreach (var (key, values) in response.Headers.Concat(response.Content.Headers))
            metadata[key] = string.Join(", ", values);
        return new BindingResponse(body, metadata);
    }

    private static bool IsHeader(string key) =>
        key is "traceparent" or "tracestate" || (key.Length > 0 && char.IsUpper(key[0]));

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
