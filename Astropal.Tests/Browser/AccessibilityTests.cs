using System.Text.Json;
using Astropal.Core.Readers;
using Astropal.Tests.Integration.Readers;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Astropal.Tests.Browser;

/// <summary>
/// axe-core (WCAG 2 A and AA rules) in Chromium over the public pages in both languages, the reader portal, the
/// operator sign-in and every console page the navigation links to, so a new console page is checked without a change here.
/// </summary>
public sealed class AccessibilityTests
{
    private const string RunAxe = """
        async () => {
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
          return JSON.stringify(result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) })));
        }
        """;

    [Fact]
    public async Task Public_pages_the_reader_portal_and_every_console_page_pass_axe_wcag_2_a_and_aa()
    {
        var axe = AxeScript();
        await using var app = new AstropalAppFactory();
        app.UseKestrel(0);
        app.StartServer();
        await app.CreateOperatorAsync("ada@example.com", "Admin", "Correct-Horse-42");
        var reader = await PortalHarness.AddReaderAsync(app, ReaderStatus.Active, email: "grace@example.com");
        // Alert episodes for /ops/alerts (no beta readers: the registration rules fire or are pending).
        await app.Services.GetRequiredService<Astropal.Web.Features.Alerts.AlertEvaluator>().EvaluateAsync(CancellationToken.None);
        // An open and a resolved incident (with a note) for /ops/incidents and an incident's page with its post-mortem editor.
        var incidents = app.Services.GetRequiredService<Astropal.Web.Features.Incidents.IncidentService>();
        var components = new Dictionary<string, string> { ["Email delivery"] = "partial_outage" };
        await incidents.OpenAsync(new("Late emails", "P2", null, "Investigating.", components), "test", CancellationToken.None);
        var resolved = (await incidents.OpenAsync(new("Slow sign-up", "P3", null, "Investigating.", components), "test", CancellationToken.None)).Id!.Value;
        await incidents.AddNoteAsync(resolved, "Provider ticket 4711.", "test", CancellationToken.None);
        await incidents.PostUpdateAsync(resolved, new("resolved", "Fixed.", null), "test", CancellationToken.None);
        var (playwright, browser) = await TestSupport.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var violations = new List<string>();
        var checkedPages = new List<string>();
        var screenshots = Environment.GetEnvironmentVariable("ASTROPAL_SCREENSHOTS"); // a folder: each checked page is saved there

        async Task CheckAsync(IPage page, string label)
        {
            await page.AddScriptTagAsync(new() { Path = axe });
            var found = JsonSerializer.Deserialize<List<Violation>>(await page.EvaluateAsync<string>(RunAxe), JsonOptions)!;
            violations.AddRange(found.SelectMany(v => v.Targets.Select(t => $"{label}: {v.Id} ({v.Impact}) {v.Help} at {t}")));
            checkedPages.Add(label);
            if (!string.IsNullOrEmpty(screenshots))
            {
                var name = string.Concat(label.Select(c => char.IsLetterOrDigit(c) ? c : '_')).Trim('_');
                await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, (name.Length == 0 ? "home" : name) + ".png") });
            }
        }

        // Injecting axe is an inline script: the site's CSP would refuse it.
        var visitor = await browser.OpenPageAsync(new() { BypassCSP = true, TimezoneId = "Europe/London", Locale = "en-US" });
        foreach (var path in new[] { "/", "/privacy", "/terms", "/credits", "/me/link", "/account/sign-in", "/status", "/status/history" })
        {
            await visitor.GotoAsync(app.ServerAddress + path);
            await CheckAsync(visitor, path);
        }

        await visitor.GotoAsync(app.ServerAddress + "/start");
        await Assertions.Expect(visitor.Locator("#time-zone")).ToHaveValueAsync("Europe/London"); // the circuit has taken over
        await CheckAsync(visitor, "/start");

        // The reader portal, signed in through the link in the reader's emails.
        await visitor.GotoAsync(app.ServerAddress + "/me?t=" + PortalHarness.EmailLinkToken(app, reader.Id));
        await Assertions.Expect(visitor.Locator("#portal")).ToBeVisibleAsync();
        await CheckAsync(visitor, "/me");

        var spanish = await browser.OpenPageAsync(new() { BypassCSP = true, TimezoneId = "Europe/Madrid", Locale = "es-ES" });
        await spanish.GotoAsync(app.ServerAddress + "/?culture=es-ES");
        await Assertions.Expect(spanish.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await CheckAsync(spanish, "/ (es-ES)");
        await spanish.GotoAsync(app.ServerAddress + "/start?culture=es-ES");
        await Assertions.Expect(spanish.Locator("#time-zone")).ToHaveValueAsync("Europe/Madrid");
        await CheckAsync(spanish, "/start (es-ES)");

        // The console as an admin, who sees every section; each page loaded afresh and checked once its circuit is up.
        var console = await browser.OpenPageAsync(new() { BypassCSP = true, ViewportSize = new() { Width = 1400, Height = 1000 } });
        await console.GotoAsync(app.ServerAddress + "/ops");
        await console.FillAsync("#email", "ada@example.com");
        await console.FillAsync("#password", "Correct-Horse-42");
        await console.ClickAsync("#sign-in");
        await Assertions.Expect(console.Locator("#console-ready")).ToBeVisibleAsync();
        var sections = await console.Locator(".mud-drawer a.mud-nav-link[href]").EvaluateAllAsync<string[]>(
            "links => links.map(a => new URL(a.href).pathname)");
        Assert.Contains("/ops/content", sections);
        foreach (var path in sections.Distinct(StringComparer.Ordinal))
        {
            await console.GotoAsync(app.ServerAddress + path);
            await Assertions.Expect(console.Locator("#ops-circuit")).ToHaveAttributeAsync("data-state", "interactive");
            await CheckAsync(console, path);
        }

        // Pages reached from a section rather than the menu: a reader's detail page.
        await console.GotoAsync($"{app.ServerAddress}/ops/subscribers/{reader.Id:D}");
        await Assertions.Expect(console.Locator("#ops-circuit")).ToHaveAttributeAsync("data-state", "interactive");
        await Assertions.Expect(console.Locator("#reader-email")).ToBeVisibleAsync();
        await CheckAsync(console, "/ops/subscribers/{id}");
        // A runbook rendered from Markdown, and the runbooks search.
        await console.GotoAsync($"{app.ServerAddress}/ops/runbooks/rollback");
        await Assertions.Expect(console.Locator("#ops-circuit")).ToHaveAttributeAsync("data-state", "interactive");
        await Assertions.Expect(console.Locator("#runbook-body h1")).ToBeVisibleAsync();
        await CheckAsync(console, "/ops/runbooks/{name}");
        await console.GotoAsync($"{app.ServerAddress}/ops/runbooks?q=relay");
        await Assertions.Expect(console.Locator("#ops-circuit")).ToHaveAttributeAsync("data-state", "interactive");
        await Assertions.Expect(console.Locator("#runbook-results mark").First).ToBeVisibleAsync();
        await CheckAsync(console, "/ops/runbooks?q=");
        await console.GotoAsync($"{app.ServerAddress}/ops/incidents/{resolved}");
        await Assertions.Expect(console.Locator("#ops-circuit")).ToHaveAttributeAsync("data-state", "interactive");
        await Assertions.Expect(console.Locator("#post-mortem-text")).ToBeVisibleAsync();
        await CheckAsync(console, "/ops/incidents/{id}");
        // The operator's own page (linked from the app bar), and the banner every console page shows while all jobs are paused.
        await console.ClickAsync("#my-account");
        await Assertions.Expect(console.Locator("#account-email")).ToBeVisibleAsync();
        await CheckAsync(console, "/ops/account");
        await app.Services.GetRequiredService<JobPauses>().PauseAsync(null, "axe check", "test", CancellationToken.None);
        await console.GotoAsync(app.ServerAddress + "/ops/jobs");
        await Assertions.Expect(console.Locator("#jobs-paused-banner")).ToBeVisibleAsync();
        await CheckAsync(console, "/ops/jobs (all paused)");

        Assert.True(violations.Count == 0,
            $"axe found {violations.Count} violation(s) on {string.Join(", ", checkedPages)}:\n{string.Join("\n", violations)}");
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static string AxeScript()
    {
        var path = Path.Combine(RepositoryRoot.Find(), "Astropal.Tests", "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(path), $"axe-core not found at {path}: run ./test.sh or `npm ci --prefix Astropal.Tests`.");
        return path;
    }

    private sealed record Violation(string Id, string? Impact, string Help, IReadOnlyList<string> Targets);
}
