using static Microsoft.Playwright.Assertions;

namespace ChatDapr.Web.Tests.Browser;

/// <summary>
/// One person using the web client in their own browser context, through the DOM contract of clients/web
/// (roles and labels first; the data-seq attribute and a few class names where the contract names them).
/// </summary>
public sealed class ChatPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IBrowserContext Context => context;
    public IPage Page => page;

    public string Username { get; private set; } = "";
    public string DisplayName { get; private set; } = "";

    public ILocator Rooms => page.GetByRole(AriaRole.Navigation, new() { Name = "Rooms" });
    public ILocator Messages => page.GetByRole(AriaRole.List, new() { Name = "Messages", Exact = true });

    /// <summary>Messages the server stored (they carry their seq), as opposed to own sends still pending.</summary>
    public ILocator Confirmed => Messages.Locator("li.message[data-seq]");

    public ILocator Pending => Messages.Locator("li.message.pending");
    public ILocator Typing => page.Locator("p.typing");
    public ILocator Banner => page.GetByRole(AriaRole.Status);
    public ILocator MessageBox => page.GetByLabel("Message", new() { Exact = true });

    public ILocator ConfirmedWithText(string text) =>
        Confirmed.Filter(new() { Has = page.Locator("span.text", new() { HasTextRegex = new($"^{System.Text.RegularExpressions.Regex.Escape(text)}$") }) });

    /// <summary>Registers a fresh user through the sign-in screen; ends on the chat screen.</summary>
    public async Task RegisterAsync(string displayName, string usernamePrefix = "web")
    {
        Username = usernamePrefix + Guid.NewGuid().ToString("N")[..12];
        DisplayName = displayName;
        await page.GetByRole(AriaRole.Button, new() { Name = "New here? Create an account" }).ClickAsync();
        await page.GetByLabel("Username", new() { Exact = true }).FillAsync(Username);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ChatAccounts.Password);
        await page.GetByLabel("Display name", new() { Exact = true }).FillAsync(DisplayName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        await Expect(Rooms).ToBeVisibleAsync();
    }

    /// <summary>Signs in a user registered over the REST API (or in another browser context).</summary>
    public async Task SignInAsync(string username, string displayName)
    {
        Username = username;
        DisplayName = displayName;
        await page.GetByLabel("Username", new() { Exact = true }).FillAsync(username);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ChatAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(Rooms).ToBeVisibleAsync();
    }

    /// <summary>New chat → search by username → Direct message → Create; the new conversation opens.</summary>
    public async Task StartDirectMessageAsync(ChatPage other)
    {
        await OpenNewChatAsync(other.Username, other.Username);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Direct message" }).CheckAsync();
        await page.GetByRole(AriaRole.List, new() { Name = "Search results" }).GetByRole(AriaRole.Radio, new() { Name = "@" + other.Username }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = other.DisplayName, Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Opens the new chat dialog and searches for <paramref name="search"/> until <paramref name="username"/> is found.</summary>
    public async Task OpenNewChatAsync(string search, string username)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "New chat" }).ClickAsync();
        await page.GetByLabel("Find people by username").FillAsync(search);
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Search results" }).GetByText("@" + username)).ToBeVisibleAsync();
    }

    public async Task OpenRoomAsync(string title)
    {
        await Rooms.GetByRole(AriaRole.Button, new() { Name = title }).ClickAsync();
        await Expect(Messages).ToBeVisibleAsync();
    }

    /// <summary>Types into the send box and presses Enter, as a person sends.</summary>
    public async Task SendAsync(string text)
    {
        await MessageBox.FillAsync(text);
        await MessageBox.PressAsync("Enter");
    }

    /// <summary>The data-seq of every stored message shown, top to bottom.</summary>
    public async Task<IReadOnlyList<int>> SeqsAsync() =>
        await Confirmed.EvaluateAllAsync<int[]>("items => items.map(li => Number(li.dataset.seq))");

    public async Task<IReadOnlyList<string>> TextsAsync() =>
        await Confirmed.Locator("span.text").AllInnerTextsAsync();

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
