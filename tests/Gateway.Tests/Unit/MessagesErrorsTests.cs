using ChatDapr.Contracts.Errors;
using ChatDapr.Gateway.Messages;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Unit;

public sealed class MessagesErrorsTests
{
    [Fact]
    public void From_ProblemWithCodeType_KeepsCodeAndDetail()
    {
        var error = MessagesErrors.From(400, """{"type":"invalid","title":"invalid","status":400,"detail":"invalid: limit must be 1-100"}""");

        error.Code.ShouldBe(ChatErrorCodes.Invalid);
        error.Detail.ShouldBe("limit must be 1-100");
    }

    [Fact]
    public void From_DetailNamesCode_UsesIt()
    {
        var error = MessagesErrors.From(400, """{"type":"about:blank","detail":"forbidden: not a member"}""");

        error.Code.ShouldBe(ChatErrorCodes.Forbidden);
        error.Detail.ShouldBe("not a member");
    }

    [Theory]
    [InlineData(403, ChatErrorCodes.Forbidden)]
    [InlineData(404, ChatErrorCodes.NotFound)]
    [InlineData(409, ChatErrorCodes.Conflict)]
    [InlineData(400, ChatErrorCodes.Invalid)]
    public void From_NoUsableBody_StatusDecides(int status, string code) =>
        MessagesErrors.From(status, "<html>nope</html>").Code.ShouldBe(code);
}
