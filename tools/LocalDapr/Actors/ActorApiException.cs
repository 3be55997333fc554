namespace ChatDapr.LocalDapr.Actors;

/// <summary>A Dapr API error: <c>{"errorCode":"ERR_…","message":"…"}</c> with an HTTP status.</summary>
public sealed class ActorApiException(int status, string errorCode, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string ErrorCode { get; } = errorCode;

    public async Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = Status;
        await response.WriteAsJsonAsync(new ErrorBody(ErrorCode, Message));
    }

    private sealed record ErrorBody(string ErrorCode, string Message);
}
