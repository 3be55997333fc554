using ChatDapr.LocalDapr.State;

namespace ChatDapr.LocalDapr.Actors;

/// <summary>Shared plumbing of the actor HTTP endpoints: turns failures into Dapr error bodies.</summary>
public static class ActorEndpoint
{
    public const string Prefix = "/v1.0/actors/{actorType}/{actorId}";

    public static async Task HandleAsync(HttpContext context, string errorCode, Func<CancellationToken, Task<ActorResponse>> handler)
    {
        var ct = context.RequestAborted;
        ActorResponse response;
        try
        {
            response = await handler(ct);
        }
        catch (ActorApiException e)
        {
            await e.WriteAsync(context.Response);
            return;
        }
        catch (Exception e) when (e is StoreUnavailableException or ETagMismatchException or HttpRequestException or IOException && !ct.IsCancellationRequested)
        {
            await new ActorApiException(500, errorCode, e.Message).WriteAsync(context.Response);
            return;
        }
        await response.WriteAsync(context.Response, ct);
    }
}
