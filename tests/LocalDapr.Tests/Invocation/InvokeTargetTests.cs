using ChatDapr.LocalDapr.Invocation;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Invocation;

public sealed class InvokeTargetTests
{
    [Theory]
    [InlineData("/v1.0/invoke/rooms/method/api/rooms/1?x=1", "rooms", "api/rooms/1?x=1")]
    [InlineData("//v1.0/invoke/rooms.default/method/a%2Fb", "rooms", "a%2Fb")]
    [InlineData("/v1.0/invoke/rooms/method/", "rooms", "")]
    [InlineData("/v1.0/invoke/my%2Dapp/method/x", "my-app", "x")]
    public void TryParseInvokePath_InvokeUrls_SplitAppIdAndEncodedMethod(string raw, string appId, string method)
    {
        InvokeTarget.TryParseInvokePath(raw, out var target).ShouldBeTrue();
        target.ShouldBe(new InvokeTarget(appId, method));
    }

    [Theory]
    [InlineData("/v1.0/state/store")]
    [InlineData("/v1.0/invoke/rooms/api")]
    [InlineData("/v1.0/invoke//method/x")]
    public void TryParseInvokePath_OtherUrls_False(string raw)
    {
        InvokeTarget.TryParseInvokePath(raw, out _).ShouldBeFalse();
    }

    [Fact]
    public void FromHeader_PathAndQuery_BecomeTheMethod()
    {
        InvokeTarget.FromHeader("rooms.prod", "/api/rooms?limit=5").ShouldBe(new InvokeTarget("rooms", "api/rooms?limit=5"));
    }

    [Theory]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00", "00-4bf92f3577b34da6a3ce929d0e0e4736-", "-00")]
    [InlineData("garbage", "00-", "-01")]
    [InlineData(null, "00-", "-01")]
    public void ChildOf_IncomingTraceParent_KeepsTraceAndFlagsOrStartsATrace(string? incoming, string prefix, string suffix)
    {
        var child = InvocationTrace.ChildOf(incoming);

        child.ShouldMatch("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");
        child.ShouldStartWith(prefix);
        child.ShouldEndWith(suffix);
        child.ShouldNotBe(incoming);
    }
}
