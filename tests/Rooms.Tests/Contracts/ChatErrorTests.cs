using ChatDapr.Contracts.Errors;
using Shouldly;

namespace ChatDapr.Rooms.Tests.Contracts;

public sealed class ChatErrorTests
{
    [Fact]
    public void Message_Factory_StartsWithCode()
    {
        var error = ChatError.NotFound("no such room");

        error.Message.ShouldBe("not_found: no such room");
        (error.Code, error.Detail).ShouldBe((ChatErrorCodes.NotFound, "no such room"));
    }

    [Theory]
    [InlineData("forbidden: not a member", ChatErrorCodes.Forbidden)]
    [InlineData("rate_limited: slow down", ChatErrorCodes.RateLimited)]
    [InlineData("Remote Actor Method Exception, DETAILS: Exception: ChatError, Method Name: x, Message: not_found: no such room", ChatErrorCodes.NotFound)]
    [InlineData("conflict: the invalid: part is detail", ChatErrorCodes.Conflict)]
    public void TryParseCode_MessageWithCode_FindsEarliestCode(string message, string expected)
    {
        ChatError.TryParseCode(message, out var code).ShouldBeTrue();
        code.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("boom")]
    [InlineData("not_forbidden: x")]
    [InlineData("forbidden without colon")]
    public void TryParseCode_NoCode_False(string? message)
    {
        ChatError.TryParseCode(message, out _).ShouldBeFalse();
    }
}
