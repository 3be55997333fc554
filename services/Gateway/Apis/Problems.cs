using ChatDapr.Contracts.Errors;

namespace ChatDapr.Gateway.Apis;

// RFC 7807 problem details carrying a stable code: type = the code, detail = "code: text" (like hub errors).
public static class Problems
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

    public static IResult Result(string code, string detail) =>
        Results.Problem(detail: $"{code}: {detail}", statusCode: StatusOf(code), title: code, type: code);

    public static IResult Result(ChatError error) => Result(error.Code, error.Detail);

    public static Task Write(HttpContext context, string code, string detail) => Result(code, detail).ExecuteAsync(context);
}
