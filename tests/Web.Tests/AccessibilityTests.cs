using ChatDapr.Web.Tests.Browser;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatDapr.Web.Tests;

/// <summary>
/// axe-core finds no accessibility violations of moderate impact or worse on the main screens (labels, roles,
/// contrast, names). Minor ones (best-practice hints such as a role that fits the element less well) are listed
/// in the test output instead of failing it.
/// </summary>
public sealed class AccessibilityTests(WebSystem web)
{
    [Fact]
    public async Task Accessibility_MainScreens_NoAxeViolations()
    {
        var id = Guid.NewGuid().ToString("N")[..6];
        await using var bob = await web.OpenAsync();
        await ShouldHaveNoViolationsAsync(bob.Page, "sign in");
        await bob.RegisterAsync($"Bob {id}");

        await using var alice = await web.OpenAsync();
        await alice.Page.GetByRole(AriaRole.Button, new() { Name = "New here? Create an account" }).ClickAsync();
        await ShouldHaveNoViolationsAsync(alice.Page, "register");
        await alice.Page.GetByRole(AriaRole.Button, new() { Name = "I have an account: sign in" }).ClickAsync();
        await alice.RegisterAsync($"Alice {id}");
        await ShouldHaveNoViolationsAsync(alice.Page, "empty room list");

        await alice.OpenNewChatAsync(bob.Username, bob.Username);
        await ShouldHaveNoViolationsAsync(alice.Page, "new chat dialog");
        await alice.Page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await alice.StartDirectMessageAsync(bob);
        await alice.SendAsync("hello");
        await Expect(alice.Confirmed).ToHaveCountAsync(1);
        await ShouldHaveNoViolationsAsync(alice.Page, "conversation");
    }

    private static async Task ShouldHaveNoViolationsAsync(IPage page, string screen)
    {
        var result = await page.RunAxe();
        string Describe(AxeResultItem v) => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join("; ", v.Nodes.Select(n => n.Target?.ToString()))}";
        foreach (var minor in result.Violations.Where(v => v.Impact == "minor"))
            TestContext.Current.TestOutputHelper?.WriteLine($"{screen}: {Describe(minor)}");
        result.Violations.Where(v => v.Impact != "minor").Select(Describe).ShouldBeEmpty($"axe on the {screen} screen");
    }
}
