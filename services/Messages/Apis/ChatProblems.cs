using ChatDapr.Contracts.Errors;
using ChatDapr.ServiceDefaults;

namespace ChatDapr.Messages.Apis;

// Problem details carry a ChatError code in type and title, so callers map them back to the code without parsing
// text. Problems the framework writes itself (a malformed body, an unknown route) get the code of their status.
public static class ChatProblems
{
    public static void AddCode(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Type is { } type && ChatErrorCodes.All.Contains(type))
            return;
        if (ChatErrorStatus.CodeOf(problem.Status ?? context.HttpContext.Response.StatusCode) is { } code)
            (problem.Type, problem.Title) = (code, code);
    }
}
