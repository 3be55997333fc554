using ChatDapr.Contracts.Errors;
using ChatDapr.Gateway.Accounts;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Unit;

public sealed class AccountRulesTests
{
    [Theory]
    [InlineData("ab")]
    [InlineData("this-name-is-far-too-long-for-us-x")]
    [InlineData("has space")]
    [InlineData("émile")]
    [InlineData(null)]
    public void Validate_BadUsername_Invalid(string? username) =>
        Should.Throw<ChatError>(() => AccountRules.Validate(username, "long enough", "Name")).Code.ShouldBe(ChatErrorCodes.Invalid);

    [Theory]
    [InlineData("short")]
    [InlineData(null)]
    public void Validate_BadPassword_Invalid(string? password) =>
        Should.Throw<ChatError>(() => AccountRules.Validate("alice", password, "Alice")).Message.ShouldStartWith("invalid: password");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bell\a")]
    public void Validate_BadDisplayName_Invalid(string displayName) =>
        Should.Throw<ChatError>(() => AccountRules.Validate("alice", "long enough", displayName)).Message.ShouldStartWith("invalid: displayName");

    [Fact]
    public void Validate_MixedCaseAndPadding_Normalized() =>
        AccountRules.Validate("  Alice.B_1-x ", "long enough", "  Alice  ").ShouldBe(("alice.b_1-x", "Alice"));
}
