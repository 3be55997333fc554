using ChatDapr.Contracts.Errors;
using ChatDapr.ServiceDefaults;
using Microsoft.AspNetCore.Diagnostics;

namespace ChatDapr.Messages.Apis;

// Turns a ChatError thrown by an endpoint into problem details carrying its code; anything else stays a 500.
public sealed class ChatErrorHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ChatError error)
            return false;
        context.Response.StatusCode = ChatErrorStatus.Of(error.Code);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Type = error.Code, Title = error.Code, Detail = error.Message, Status = context.Response.StatusCode },
        });
    }
}
