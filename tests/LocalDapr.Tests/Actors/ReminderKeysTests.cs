using ChatDapr.LocalDapr.Actors;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.Actors;

public sealed class ReminderKeysTests
{
    [Fact]
    public void For_PlainNames_DocumentedLayout() =>
        ReminderKeys.For("app", new ReminderRef("Room", "r1", "wake")).ShouldBe("app||_reminders||Room||r1||wake");

    [Theory]
    [InlineData("Room", "id||with||bars", "name/x")]
    [InlineData("T", "ü ñ", "%41")]
    public void TryParse_EscapedParts_RoundTrips(string type, string id, string name)
    {
        var key = ReminderKeys.For("app", new ReminderRef(type, id, name));

        ReminderKeys.TryParse("app", key, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(new ReminderRef(type, id, name));
        key.ShouldStartWith(ReminderKeys.TypePrefix("app", type));
    }

    [Fact]
    public void TryParse_OtherAppOrActorStateKey_False()
    {
        ReminderKeys.TryParse("app", "other||_reminders||T||i||n", out _).ShouldBeFalse();
        ReminderKeys.TryParse("app", "app||T||i||count", out _).ShouldBeFalse();
    }
}
