using Microsoft.Playwright;

namespace Astropal.Tests.TestSupport;

/// <summary>Debian's Chromium driven headless by Playwright (no browser download).</summary>
public static class Browser
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("ASTROPAL_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>
    /// The longest a page condition (a locator, a text, a navigation) may take before the test fails. Tests wait on
    /// conditions, so a passing run never waits this long; it only has to outlast a busy 2-core machine.
    /// </summary>
    public const float WaitLimit = 60_000;

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Assert.True(File.Exists(ExecutablePath),
            $"Chromium not found at {ExecutablePath}: run ./test.sh (installs it) or set ASTROPAL_CHROMIUM.");
        Assertions.SetDefaultExpectTimeout(WaitLimit);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        return (playwright, browser);
    }

    /// <summary>A page in its own context whose actions (click, fill, navigation) wait up to <see cref="WaitLimit"/>.</summary>
    public static async Task<IPage> OpenPageAsync(this IBrowser browser, BrowserNewContextOptions? options = null)
    {
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(WaitLimit);
        context.SetDefaultNavigationTimeout(WaitLimit);
        return await context.NewPageAsync();
    }
}
