using ChatDapr.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace ChatDapr.Web.Tests;

/// <summary>History comes a page at a time as the reader scrolls up, each message once and in order.</summary>
public sealed class ScrollBackTests(WebSystem web)
{
    private const int Seeded = 120;

    [Fact]
    public async Task ScrollBack_ToTheTopRepeatedly_LoadsOlderPagesUntilTheFirstMessage()
    {
        await using var page = await OpenSeededRoomAsync();

        // Scroll to the top until an older page shows, one page at a time. Looking and scrolling happen in one
        // script (atomic for the page), so a scroll never follows a page that arrived unseen. When already at the
        // top, step down so that the next step up is a real scroll again.
        const string scrollUnlessOlder = """
            (list, before) => {
              const top = Number(list.querySelector('li.message[data-seq]').dataset.seq);
              if (top < before) return top;
              list.scrollTop = list.scrollTop > 0 ? 0 : 200;
              return before;
            }
            """;
        var oldest = new List<int> { (await page.SeqsAsync())[0] };
        while (oldest[^1] > 1 && oldest.Count <= Seeded)
        {
            var before = oldest[^1];
            var top = before;
            await Poll.UntilAsync(async () => (top = await page.Messages.EvaluateAsync<int>(scrollUnlessOlder, before)) < before,
                $"scrolling up loads messages older than seq {before}", TimeSpan.FromSeconds(30));
            oldest.Add(top);
        }

        oldest.Count.ShouldBeGreaterThanOrEqualTo(3, $"history came in pages (oldest seq after each: {string.Join(", ", oldest)})");
        (await page.SeqsAsync()).ShouldBe(Enumerable.Range(1, Seeded), "every message once, in seq order");
        (await page.TextsAsync()).ShouldBe(Enumerable.Range(1, Seeded).Select(i => $"message {i}"));
    }

    [Fact]
    public async Task ScrollBack_OlderPageArrives_MessageOnScreenStaysWhereItWas()
    {
        await using var page = await OpenSeededRoomAsync();
        var first = (await page.SeqsAsync())[0];
        // Where the oldest loaded message sits in the list's viewport; scrolling to the top asks for the older page.
        const string offsetOf = """
            (list, [seq, scrollToTop]) => {
              if (scrollToTop) list.scrollTop = 0;
              const el = list.querySelector(`li.message[data-seq="${seq}"]`);
              return el.getBoundingClientRect().top - list.getBoundingClientRect().top;
            }
            """;
        var before = await page.Messages.EvaluateAsync<double>(offsetOf, new object[] { first, true });

        await Poll.UntilAsync(async () => (await page.SeqsAsync())[0] < first, $"an older page than seq {first} loads");

        // No layout jump: the prepended page goes above what the reader was looking at.
        var after = await page.Messages.EvaluateAsync<double>(offsetOf, new object[] { first, false });
        after.ShouldBe(before, 2.0, $"message {first} moved on screen when older history loaded");
    }

    // A group with Seeded messages, opened in the browser by a member who sees only the newest page at first.
    private async Task<ChatPage> OpenSeededRoomAsync()
    {
        var reader = await ChatAccounts.RegisterAsync(web.Gateway, "reader");
        var writer = await ChatAccounts.RegisterAsync(web.Gateway, "writer");
        var roomName = "History " + Guid.NewGuid().ToString("N")[..8];
        await using (var hub = await ChatClient.ConnectAsync(new Uri(web.Gateway, "hubs/chat"), writer.AccessToken))
        {
            var room = await hub.CreateGroupAsync(roomName, reader.UserId);
            for (var i = 1; i <= Seeded; i++)
                await hub.SendAsync(room.RoomId, $"message {i}");
        }

        var page = await web.OpenAsync();
        try
        {
            await page.SignInAsync(reader.Username, "User reader");
            await page.OpenRoomAsync(roomName);
            await Expect(page.ConfirmedWithText($"message {Seeded}")).ToHaveCountAsync(1);
            (await page.SeqsAsync())[0].ShouldBeGreaterThan(1, "opening the room loads the newest page only");
            return page;
        }
        catch
        {
            await page.DisposeAsync();
            throw;
        }
    }
}
