namespace ChatDapr.LocalDapr.Invocation;

/// <summary>daprd's service invocation error: HTTP 500 with <c>ERR_DIRECT_INVOKE</c>.</summary>
public static class InvocationErrors
{
    public const string Code = "ERR_DIRECT_INVOKE";

    public static string Message(string appId, string reason) => $"failed to invoke, id: {appId}, err: {reason}";

    public static Task WriteAsync(HttpContext context, string appId, string reason, int status = StatusCodes.Status500InternalServerError)
    {
        if (context.Response.HasStarted)
        {
            // Part of the answer is already on the wire: only breaking the connection tells the caller it is incomplete.
            context.Abort();
            return Task.CompletedTask;
        }
        context.Response.Clear();
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { errorCode = Code, message = Message(appId, reason) }, context.RequestAborted);
    }
}
