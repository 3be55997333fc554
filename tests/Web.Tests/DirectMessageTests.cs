using ChatDapr.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace ChatDapr.Web.Tests;

/// <summary>Two people in two browsers: a direct message opened through the UI, both ways, with typing.</summary>
public sealed class DirectMessageTests(WebSystem web)
{
    [Fact]
    public async Task DirectMessage_TwoBrowsersExchange_EachSeesEveryMessageOnceAndTheOtherTyping()
    {
        await using var pair = await DirectPair.OpenAsync(web);
        var (alice, bob) = (pair.Alice, pair.Bob);

        await alice.SendAsync("hello bob");
        await bob.OpenRoomAsync(alice.DisplayName);
        await Expect(bob.ConfirmedWithText("hello bob")).ToHaveCountAsync(1);

        // Bob types without sending: Alice sees it.
        await bob.MessageBox.PressSequentiallyAsync("hi al");
        await Expect(alice.Typing).ToHaveTextAsync($"{bob.DisplayName} is typing…");
        await bob.MessageBox.PressSequentiallyAsync("ice");
        await bob.MessageBox.PressAsync("Enter");
        await alice.SendAsync("how are you?");
        await bob.SendAsync("fine, thanks");

        foreach (var page in new[] { alice, bob })
        {
            foreach (var text in new[] { "hello bob", "hi alice", "how are you?", "fine, thanks" })
                await Expect(page.ConfirmedWithText(text)).ToHaveCountAsync(1);
            await Expect(page.Confirmed).ToHaveCountAsync(4);
            await Expect(page.Pending).ToHaveCountAsync(0);
            var seqs = await page.SeqsAsync();
            seqs.ShouldBe([.. seqs.Order()], "messages in seq order");
            seqs.Distinct().Count().ShouldBe(4, "each message shown once");
        }
        (await alice.TextsAsync()).ShouldBe(await bob.TextsAsync(), "both see the same conversation");
    }
}
