using ChatDapr.Contracts.Errors;

namespace ChatDapr.Messages.Apis;

// Problem details carry a ChatError code in type and title, so callers map them back to the code without parsing
// text. Problems the framework writes itself (a malformed body, an unknown route) get the code of their status.
public static class ChatProblems
{
    public static int StatusOf(string code) => code switch
    {
        ChatErrorCodes.Invalid => StatusCodes.Status400BadRequest,
        ChatErrorCodes.Unauthorized => StatusCodes.Status401Unauthorized,
        ChatErrorCodes.Forbidden => StatusCodes.Status403Forbidden,
        ChatErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ChatErrorCodes.Conflict => StatusCodes.Status409Conflict,
        ChatErrorCodes.RateLimited => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static string? CodeOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ChatErrorCodes.Invalid,
        StatusCodes.Status401Unauthorized => ChatErrorCodes.Unauthorized,
        StatusCodes.Status403Forbidden => ChatErrorCodes.Forbidden,
        StatusCodes.Status404NotFound => ChatErrorCodes.NotFound,
        StatusCodes.Status409Conflict => ChatErrorCodes.Conflict,
        StatusCodes.Status429TooManyRequests => ChatErrorCodes.RateLimited,
        _ => null,
    };

    public static void AddCode(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Type is { } type && ChatErrorCodes.All.Contains(type))
            return;
        if (CodeOf(problem.Status ?? context.HttpContext.Response.StatusCode) is { } code)
            (problem.Type, problem.Title) = (code, code);
    }
}
