namespace ChatDapr.Web.Tests.Browser;

/// <summary>Debian's chromium, launched by Playwright. Playwright never downloads a browser for these tests.</summary>
public static class Chromium
{
    // No sandbox: tests often run as root in a container, where chromium's sandbox cannot start. No GPU, no
    // background traffic to Google, and /tmp instead of a small /dev/shm.
    private static readonly string[] Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"];

    public static string? Find() => Infrastructure.Find("chromium", "/usr/bin");

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Find() ?? throw new FileNotFoundException("chromium is not installed"),
            Headless = true,
            Args = Args,
            Timeout = 60_000,
        });
}
