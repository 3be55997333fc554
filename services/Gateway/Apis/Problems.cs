using ChatDapr.Contracts.Errors;
using ChatDapr.ServiceDefaults;

namespace ChatDapr.Gateway.Apis;

// RFC 7807 problem details carrying a stable code: type = the code, detail = "code: text" (like hub errors).
public static class Problems
{
    public static IResult Result(string code, string detail) =>
        Results.Problem(detail: $"{code}: {detail}", statusCode: ChatErrorStatus.Of(code), title: code, type: code);

    public static IResult Result(ChatError error) => Result(error.Code, error.Detail);

    public static Task Write(HttpContext context, string code, string detail) => Result(code, detail).ExecuteAsync(context);
}
