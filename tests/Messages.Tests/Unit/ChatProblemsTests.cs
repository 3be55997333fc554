using ChatDapr.Contracts.Errors;
using ChatDapr.Messages.Apis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Shouldly;

namespace ChatDapr.Messages.Tests.Unit;

public sealed class ChatProblemsTests
{
    [Fact]
    public void AddCode_FrameworkProblem_GetsCodeOfItsStatus()
    {
        var context = Problem(new ProblemDetails { Status = 400, Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1", Title = "Bad Request" });

        ChatProblems.AddCode(context);

        (context.ProblemDetails.Type, context.ProblemDetails.Title).ShouldBe((ChatErrorCodes.Invalid, ChatErrorCodes.Invalid));
    }

    [Fact]
    public void AddCode_ChatProblem_KeptAsWritten()
    {
        var context = Problem(new ProblemDetails { Status = 400, Type = ChatErrorCodes.Conflict, Title = ChatErrorCodes.Conflict });

        ChatProblems.AddCode(context);

        context.ProblemDetails.Type.ShouldBe(ChatErrorCodes.Conflict);
    }

    [Fact]
    public void AddCode_ServerError_NoCode()
    {
        var context = Problem(new ProblemDetails { Status = 500, Type = "https://tools.ietf.org/html/rfc9110#section-15.6.1" });

        ChatProblems.AddCode(context);

        context.ProblemDetails.Type.ShouldNotBeNull().ShouldStartWith("https://");
    }

    private static ProblemDetailsContext Problem(ProblemDetails problem) =>
        new() { HttpContext = new DefaultHttpContext(), ProblemDetails = problem };
}
