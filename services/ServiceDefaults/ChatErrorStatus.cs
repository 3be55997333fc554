using ChatDapr.Contracts.Errors;
using Microsoft.AspNetCore.Http;

namespace ChatDapr.ServiceDefaults;

/// <summary>The HTTP status of each ChatError code and back: one table for every service's REST answers, so a
/// caller maps a status to the same code whichever service answered.</summary>
public static class ChatErrorStatus
{
    public static int Of(string code) => code switch
    {
        ChatErrorCodes.Invalid => StatusCodes.Status400BadRequest,
        ChatErrorCodes.Unauthorized => StatusCodes.Status401Unauthorized,
        ChatErrorCodes.Forbidden => StatusCodes.Status403Forbidden,
        ChatErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ChatErrorCodes.Conflict => StatusCodes.Status409Conflict,
        ChatErrorCodes.RateLimited => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>Null for a status no code stands for (a server error).</summary>
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
}
