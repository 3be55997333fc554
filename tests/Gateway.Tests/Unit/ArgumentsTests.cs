using ChatDapr.Contracts.Errors;
using ChatDapr.Gateway.Chat;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Unit;

public sealed class ArgumentsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(" padded")]
    [InlineData("line\nbreak")]
    public void Id_Malformed_Invalid(string? id) =>
        Should.Throw<ChatError>(() => Arguments.Id(id, "roomId")).Code.ShouldBe(ChatErrorCodes.Invalid);

    [Fact]
    public void Id_TooLong_Invalid() =>
        Should.Throw<ChatError>(() => Arguments.Id(new string('x', Arguments.MaxIdLength + 1), "roomId")).Message.ShouldStartWith("invalid: roomId");

    [Fact]
    public void Ids_Duplicates_Distinct() => Arguments.Ids(["a", "b", "a"], "userIds", 1, 5).ShouldBe(["a", "b"]);

    [Fact]
    public void Ids_TooMany_Invalid() =>
        Should.Throw<ChatError>(() => Arguments.Ids(Enumerable.Range(0, 4).Select(i => "u" + i).ToList(), "userIds", 1, 3))
            .Code.ShouldBe(ChatErrorCodes.Invalid);

    [Fact]
    public void Ids_Null_Invalid() => Should.Throw<ChatError>(() => Arguments.Ids(null, "userIds", 0, 3)).Code.ShouldBe(ChatErrorCodes.Invalid);

    [Fact]
    public void Text_LongerThanLimitAfterTrim_Invalid() =>
        Should.Throw<ChatError>(() => Arguments.Text(new string('x', Arguments.MaxTextLength + 1))).Code.ShouldBe(ChatErrorCodes.Invalid);

    [Fact]
    public void Text_NullOrPadded_Accepted()
    {
        Arguments.Text(null).ShouldBe("");
        Arguments.Text("  " + new string('x', Arguments.MaxTextLength) + "  ").Length.ShouldBe(Arguments.MaxTextLength + 4);
    }

    [Fact]
    public void Seq_Negative_Invalid() => Should.Throw<ChatError>(() => Arguments.Seq(-1, "seq")).Code.ShouldBe(ChatErrorCodes.Invalid);
}
