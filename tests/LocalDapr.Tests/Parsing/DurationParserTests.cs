using ChatDapr.LocalDapr.Components;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Parsing;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("0h0m1s0ms", 1000)]
    [InlineData("1h2m3s4ms", 3_723_004)]
    [InlineData("500ms", 500)]
    [InlineData("1.5s", 1500)]
    [InlineData("PT5S", 5000)]
    [InlineData("PT1M30S", 90_000)]
    [InlineData("00:00:02", 2000)]
    [InlineData("0", 0)]
    public void TryParse_DaprForms_ReturnsMilliseconds(string text, int expectedMs)
    {
        DurationParser.TryParse(text, out var value).ShouldBeTrue();
        value.TotalMilliseconds.ShouldBe(expectedMs);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("5 parsecs")]
    public void TryParse_Garbage_ReturnsFalse(string text) => DurationParser.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void ToGo_Duration_FormatsLikeDaprd() =>
        DurationParser.ToGo(TimeSpan.FromMilliseconds(3_723_004)).ShouldBe("1h2m3s4ms");
}
