using ChatDapr.Web.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace ChatDapr.Web.Tests;

/// <summary>A browser that loses the network and comes back catches up with Sync: nothing missing, nothing twice.</summary>
public sealed class OfflineTests(WebSystem web)
{
    private const int Missed = 6;

    [Fact]
    public async Task Offline_MessagesSentMeanwhile_ShownOnceInOrderAfterReconnect()
    {
        var id = Guid.NewGuid().ToString("N")[..6];
        await using var alice = await web.OpenAsync();
        await using var bob = await web.OpenAsync();
        var bobsNetwork = await NetworkCut.InterceptAsync(bob.Context);
        await alice.RegisterAsync($"Alice {id}");
        await bob.RegisterAsync($"Bob {id}");
        await alice.StartDirectMessageAsync(bob);
        await alice.SendAsync("before");
        await bob.OpenRoomAsync(alice.DisplayName);
        await Expect(bob.ConfirmedWithText("before")).ToHaveCountAsync(1);
        bobsNetwork.HasSocket.ShouldBeTrue("the hub connection runs over a WebSocket");

        await bobsNetwork.GoOfflineAsync();
        await Expect(bob.Banner).ToContainTextAsync("Reconnecting");

        var missed = Enumerable.Range(1, Missed).Select(i => $"missed {i}").ToList();
        foreach (var text in missed)
            await alice.SendAsync(text);
        await Expect(alice.Confirmed).ToHaveCountAsync(Missed + 1);
        await Expect(bob.Confirmed).ToHaveCountAsync(1);

        await bobsNetwork.GoOnlineAsync();
        await Expect(bob.Banner).ToHaveCountAsync(0);
        foreach (var text in missed)
            await Expect(bob.ConfirmedWithText(text)).ToHaveCountAsync(1);
        await Expect(bob.Confirmed).ToHaveCountAsync(Missed + 1);

        var seqs = await bob.SeqsAsync();
        seqs.ShouldBe([.. seqs.Order()], "shown in seq order");
        seqs.Distinct().Count().ShouldBe(seqs.Count, "no seq shown twice");
        (await bob.TextsAsync()).ShouldBe(["before", .. missed]);
    }
}
