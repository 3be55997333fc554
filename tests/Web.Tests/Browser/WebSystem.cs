namespace ChatDapr.Web.Tests.Browser;

/// <summary>
/// The whole system (launcher, services, sidecars) serving the built web client, plus one headless chromium in
/// which every test opens its own browser contexts (separate cookies and storage: separate users).
/// </summary>
public class WebSystem : SystemFixture
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _missing;

    // A machine under load (CI, parallel tests) renders slowly; Playwright's 5 s default flakes there.
    private const float ExpectTimeoutMs = 30_000;

    protected virtual ChatSystemOptions Options => new();

    protected override Task<ChatSystem> StartAsync() => ChatSystem.StartAsync("embedded", options: Options);

    public override async ValueTask InitializeAsync()
    {
        _missing = WebPrerequisites.Missing();
        if (_missing is not null)
            return;
        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMs);
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
        await base.InitializeAsync();
    }

    /// <summary>The gateway's base URL; skips the test (fails it on CI) when the browser tests cannot run here.</summary>
    public Uri Gateway
    {
        get
        {
            if (_missing is not null)
                WebPrerequisites.SkipOrFail(_missing);
            return System.Gateway;
        }
    }

    /// <summary>A fresh browser context on the gateway's start page, as a new visitor sees it.</summary>
    public async Task<ChatPage> OpenAsync(int width = 1280, int height = 800)
    {
        var gateway = Gateway;
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = gateway.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(ExpectTimeoutMs);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        return new ChatPage(context, page);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
