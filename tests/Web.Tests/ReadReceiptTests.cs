using ChatDapr.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace ChatDapr.Web.Tests;

/// <summary>"Seen by" under the sender's newest message once the other person has read the conversation.</summary>
public sealed class ReadReceiptTests(WebSystem web)
{
    [Fact]
    public async Task ReadReceipt_OtherOpensTheConversation_SenderSeesSeenByUnderTheNewestMessage()
    {
        await using var pair = await DirectPair.OpenAsync(web);
        var (alice, bob) = (pair.Alice, pair.Bob);
        await alice.SendAsync("first");
        await alice.SendAsync("second");
        await Expect(alice.Confirmed).ToHaveCountAsync(2);
        var seen = alice.Messages.Locator("span.seen");
        (await seen.CountAsync()).ShouldBe(0, "nobody has read the conversation yet");

        await bob.OpenRoomAsync(alice.DisplayName);
        await Expect(bob.ConfirmedWithText("second")).ToHaveCountAsync(1);

        // One "Seen by", and it belongs to the newest message: inside or after it, never above it.
        await Expect(seen).ToHaveTextAsync($"Seen by {bob.DisplayName}");
        var newest = alice.ConfirmedWithText("second");
        var belowNewest = await newest.EvaluateAsync<bool>(
            "(li, span) => li.contains(span) || !!(li.compareDocumentPosition(span) & Node.DOCUMENT_POSITION_FOLLOWING)",
            await seen.ElementHandleAsync());
        belowNewest.ShouldBeTrue("'Seen by' is shown under the newest message");
    }
}
