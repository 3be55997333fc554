using ChatDapr.Contracts.Errors;
using ChatDapr.Gateway.Hubs;
using Dapr.Actors;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Unit;

public sealed class HubErrorsTests
{
    [Fact]
    public void Map_ChatError_MessageIsCodeAndDetail()
    {
        var (exception, code, unexpected) = HubErrors.Map(ChatError.Forbidden("not a member of this room"));

        exception.Message.ShouldBe("forbidden: not a member of this room");
        code.ShouldBe(ChatErrorCodes.Forbidden);
        unexpected.ShouldBeFalse();
    }

    [Fact]
    public void Map_ActorWrappedChatError_RecoversCodeFromInnerException()
    {
        // What the actor proxy throws when RoomActor threw ChatError.NotFound("no such message").
        var wrapped = new ActorMethodInvocationException(
            "Remote Actor Method Exception,  DETAILS: Exception: ChatError, Method Name: RequireMessageAsync, Line Number: 0",
            new ActorInvokeException(typeof(ChatError).FullName, "not_found: no such message\n   at ChatDapr.Rooms.Actors.RoomActor"),
            false);

        var (exception, code, unexpected) = HubErrors.Map(wrapped);

        exception.Message.ShouldBe("not_found: no such message");
        code.ShouldBe(ChatErrorCodes.NotFound);
        unexpected.ShouldBeFalse();
    }

    [Fact]
    public void Map_UnexpectedFailure_GenericMessageWithoutDetails()
    {
        var (exception, code, unexpected) = HubErrors.Map(new InvalidOperationException("connection string Password=hunter2 rejected"));

        exception.Message.ShouldBe(HubErrors.InternalMessage);
        exception.Message.ShouldNotContain("hunter2");
        code.ShouldBe(HubErrors.Internal);
        unexpected.ShouldBeTrue();
    }

    [Fact]
    public void Map_ActorFailureWithoutCode_Unexpected()
    {
        var wrapped = new ActorMethodInvocationException("Remote Actor Method Exception", new ActorInvokeException("System.NullReferenceException", "Object reference not set"), false);

        HubErrors.Map(wrapped).Unexpected.ShouldBeTrue();
    }
}
