using ChatDapr.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace ChatDapr.Web.Tests;

/// <summary>A gateway whose send limit a person can hit: a burst of 2, then one send a second.</summary>
public sealed class RateLimitedWebSystem : WebSystem
{
    protected override ChatSystemOptions Options => new() { SendBurst = 2, SendsPerSecond = 1 };
}

/// <summary>
/// Sending faster than the limit shows why a message is held back, and loses nothing: the client retries a
/// rate-limited send with the same clientMessageId a second later (clients/web/src/net/chatClient.ts), so every
/// message ends up stored once.
/// </summary>
public sealed class RateLimitTests(RateLimitedWebSystem web) : IClassFixture<RateLimitedWebSystem>
{
    private const int Burst = 8;
    private const string RateLimitedText = "Not sent: You are sending too fast. Your message will be retried in a moment.";

    [Fact]
    public async Task RateLimit_BurstFromTheUi_ShowsTheErrorThenSendsEveryMessageOnce()
    {
        var user = await ChatAccounts.RegisterAsync(web.Gateway, "fast");
        var other = await ChatAccounts.RegisterAsync(web.Gateway, "peer");
        var roomName = "Burst " + Guid.NewGuid().ToString("N")[..8];
        await using (var hub = await ChatClient.ConnectAsync(new Uri(web.Gateway, "hubs/chat"), user.AccessToken))
            await hub.CreateGroupAsync(roomName, other.UserId);

        await using var page = await web.OpenAsync();
        await page.SignInAsync(user.Username, "User fast");
        await page.OpenRoomAsync(roomName);

        // The error shows for about a second per held-back message; wait for it in the page, not by polling.
        var shown = page.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = RateLimitedText }).First
            .WaitForAsync(new() { State = WaitForSelectorState.Visible });
        var texts = Enumerable.Range(1, Burst).Select(i => $"burst {i}").ToList();
        foreach (var text in texts)
            await page.SendAsync(text);
        await shown;

        foreach (var text in texts)
            await Expect(page.ConfirmedWithText(text)).ToHaveCountAsync(1);
        await Expect(page.Pending).ToHaveCountAsync(0);
        (await page.TextsAsync()).Order().ShouldBe(texts.Order(), "every message stored once (retries may reorder them)");
        var seqs = await page.SeqsAsync();
        seqs.ShouldBe([.. seqs.Order().Distinct()], "shown in seq order, each once");
    }
}
