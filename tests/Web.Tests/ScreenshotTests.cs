using ChatDapr.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace ChatDapr.Web.Tests;

/// <summary>Pictures of the main screens with a believable conversation (see ScreenshotFolder for where).</summary>
public sealed class ScreenshotTests(WebSystem web)
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    [Fact]
    public async Task Screenshots_MainScreens_WrittenAsPngs()
    {
        var gateway = web.Gateway;
        var alice = await ChatAccounts.RegisterAsync(gateway, "alice", "Alice Martin");
        var bob = await ChatAccounts.RegisterAsync(gateway, "bob", "Bob Chen");
        var carol = await ChatAccounts.RegisterAsync(gateway, "carol", "Carol Diaz");
        // Bob stays connected while the pictures are taken, so he shows online and as having seen Alice's last message.
        await using var bobOnline = await SeedAsync(gateway, alice, bob, carol);
        var files = new List<string>();

        await using var page = await web.OpenAsync();
        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        files.Add(await ScreenshotFolder.SaveAsync(page.Page, "sign-in"));

        await page.SignInAsync(alice.Username, "Alice Martin");
        await Expect(page.Rooms.GetByLabel("2 unread")).ToBeVisibleAsync();
        await Expect(page.Rooms.GetByRole(AriaRole.Button, new() { Name = "Bob Chen" })).ToBeVisibleAsync();
        files.Add(await ScreenshotFolder.SaveAsync(page.Page, "rooms"));

        await page.OpenRoomAsync("Bob Chen");
        await Expect(page.Confirmed).ToHaveCountAsync(Conversation.Length);
        await Expect(page.Page.Locator("span.seen")).ToHaveTextAsync("Seen by Bob Chen");
        await Expect(page.Page.GetByLabel("Bob Chen is online").First).ToBeVisibleAsync();
        files.Add(await ScreenshotFolder.SaveAsync(page.Page, "conversation"));

        await page.OpenNewChatAsync("carol", carol.Username);
        await page.Page.GetByRole(AriaRole.Radio, new() { Name = "@" + carol.Username }).CheckAsync();
        files.Add(await ScreenshotFolder.SaveAsync(page.Page, "new-chat"));

        await using var phone = await web.OpenAsync(width: 375, height: 740);
        await phone.SignInAsync(alice.Username, "Alice Martin");
        await phone.OpenRoomAsync("Bob Chen");
        await Expect(phone.Confirmed).ToHaveCountAsync(Conversation.Length);
        files.Add(await ScreenshotFolder.SaveAsync(phone.Page, "conversation-375px"));

        foreach (var file in files)
            (await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken)).Take(4).ShouldBe(PngSignature, file);
    }

    private static readonly (bool FromBob, string Text)[] Conversation =
    [
        (true, "Hi Alice! Are we still on for the review tomorrow?"),
        (false, "Yes, 10 o'clock. I'll bring the latency numbers."),
        (true, "Great. Can you include the two-gateway run too?"),
        (false, "Sure, it's in the benchmarks doc already."),
        (true, "Perfect, see you then"),
        (false, "See you at 10!"),
    ];

    // A direct conversation Bob has read to the end and a group with unread messages; returns Bob's open connection.
    private static async Task<ChatClient> SeedAsync(Uri gateway, TestUser alice, TestUser bob, TestUser carol)
    {
        var hubUrl = new Uri(gateway, "hubs/chat");
        await using var a = await ChatClient.ConnectAsync(hubUrl, alice.AccessToken);
        var b = await ChatClient.ConnectAsync(hubUrl, bob.AccessToken);
        await using var c = await ChatClient.ConnectAsync(hubUrl, carol.AccessToken);
        var direct = await b.CreateDirectAsync(alice.UserId);
        foreach (var (fromBob, text) in Conversation)
            await (fromBob ? b : a).SendAsync(direct.RoomId, text);
        await a.Call("MarkRead", direct.RoomId, Conversation.Length);
        await b.Call("MarkRead", direct.RoomId, Conversation.Length);
        var trip = await c.CreateGroupAsync("Weekend trip", alice.UserId, bob.UserId);
        await c.SendAsync(trip.RoomId, "Who's driving on Saturday?");
        await b.SendAsync(trip.RoomId, "I can, the car fits four.");
        return b;
    }
}
