using ChatDapr.Contracts.Errors;
using Shouldly;

namespace ChatDapr.ServiceDefaults.Tests;

public sealed class ChatErrorStatusTests
{
    [Fact]
    public void Of_EveryCode_RoundTripsThroughCodeOf()
    {
        foreach (var code in ChatErrorCodes.All)
            ChatErrorStatus.CodeOf(ChatErrorStatus.Of(code)).ShouldBe(code);
    }

    [Fact]
    public void Of_UnknownCode_ServerErrorWithNoCode()
    {
        ChatErrorStatus.Of("no-such-code").ShouldBe(500);
        ChatErrorStatus.CodeOf(500).ShouldBeNull();
    }
}
