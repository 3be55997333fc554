using System.Text;
using System.Text.Json;
using ChatDapr.LocalDapr.Grpc;
using ChatDapr.LocalDapr.State;

namespace ChatDapr.LocalDapr.Http;

/// <summary>Bodies of Dapr's HTTP state API (field names as daprd reads them, case-insensitively).</summary>
internal sealed record StateOptionsBody(string? Concurrency, string? Consistency);

internal sealed record StateEntryBody(string? Key, JsonElement Value, string? Etag, Dictionary<string, string>? Metadata, StateOptionsBody? Options)
{
    /// <summary>The value's JSON text as sent: the bytes the gRPC API would store for the same object.</summary>
    public byte[] ValueBytes => Value.ValueKind == JsonValueKind.Undefined ? [] : Encoding.UTF8.GetBytes(Value.GetRawText());

    public StateOperation ToUpsert(StateAccess access, IStateStore store, IReadOnlyDictionary<string, string>? shared = null)
    {
        var metadata = new Dictionary<string, string>(shared ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (k, v) in Metadata ?? [])
            metadata[k] = v;
        return access.Upsert(store, Key, ValueBytes, Etag, StateAccess.ParseConcurrency(Options?.Concurrency), metadata);
    }
}

internal sealed record BulkGetBody(List<string>? Keys, int? Parallelism);

internal sealed record TransactionOperationBody(string? Operation, StateEntryBody? Request);

internal sealed record TransactionBody(List<TransactionOperationBody>? Operations, Dictionary<string, string>? Metadata);

internal static class HttpErrors
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IResult From(Exception e, string operationCode)
    {
        var error = ApiError.From(e, operationCode);
        return Results.Json(new { errorCode = error.ErrorCode, message = error.Message }, statusCode: error.HttpStatus);
    }

    /// <summary>Runs a handler and answers failures in Dapr's JSON error shape.</summary>
    public static async Task<IResult> Run(string operationCode, Func<Task<IResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return From(e, operationCode);
        }
    }

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken ct) =>
        await JsonSerializer.DeserializeAsync<T>(request.Body, Json, ct)
        ?? throw new JsonException("the request body is empty");
}
