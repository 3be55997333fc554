namespace ChatDapr.LocalDapr.Bindings;

public sealed record BindingRequest(string Operation, byte[] Data, IReadOnlyDictionary<string, string> Metadata);

public sealed record BindingResponse(byte[] Data, IReadOnlyDictionary<string, string> Metadata);

/// <summary>An output binding; unknown operations throw <see cref="ArgumentException"/> (gRPC InvalidArgument).</summary>
public interface IOutputBinding : IAsyncDisposable
{
    string Name { get; }
    IReadOnlyList<string> Operations { get; }
    Task<BindingResponse> InvokeAsync(BindingRequest request, CancellationToken ct);
}
