using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Astropal.Core.Billing;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Delivery;
using Astropal.Web.Features.Readers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Astropal.Tests.Browser;

public sealed partial class SignupJourneyTests
{
    [Fact]
    public async Task A_visitor_signs_up_confirms_manages_preferences_downloads_data_and_unsubscribes_for_good()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync();
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?>
        {
            ["Email:Transport"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
        });
        app.UseKestrel(0);
        app.StartServer();
        var (playwright, browser) = await TestSupport.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.OpenPageAsync(new() { TimezoneId = "America/New_York", AcceptDownloads = true });

        // Sign-up: field messages first, then the form filled in with the city picked from the autocomplete.
        await page.GotoAsync(app.ServerAddress + "/start?r=FRIEND01");
        await Assertions.Expect(page.Locator("#time-zone")).ToHaveValueAsync("America/New_York");

        await page.ClickAsync("#sign-up");
        await Assertions.Expect(page.Locator("#signup-problem")).ToContainTextAsync("Please check the highlighted fields.");
        await Assertions.Expect(page.GetByText("Enter your email address.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Choose at least one focus area.")).ToBeVisibleAsync();

        await page.FillAsync("#email", "ada@example.com");
        await page.FillAsync("#name", "Ada");
        await page.FillAsync("#birth-date", "1990-05-17");
        await page.FillAsync("#birth-time", "08:30");
        await PickPlaceAsync(page, "london", "London, United Kingdom");
        await page.Locator("#perspective-evidence").ClickAsync();
        await page.Locator("#focus-career").ClickAsync();
        await page.Locator("#focus-wellness").ClickAsync();
        await page.Locator("#accept-terms").ClickAsync();
        await page.ClickAsync("#sign-up");
        await Assertions.Expect(page.Locator("#signup-done")).ToContainTextAsync("confirmation link is on its way");

        // The page's sign-up counted against the browser's own address (the circuit's connection), not a shared bucket.
        var limiter = app.Services.GetRequiredService<SignupRequestLimiter>();
        var left = 0;
        while (left < 100 && limiter.TryAcquire(new Uri(app.ServerAddress).Host, out var wait) && wait == TimeSpan.Zero)
        {
            left++;
        }

        Assert.Equal(new RateLimitOptions().SignupsPerIpPerHour - 1, left);

        // The confirmation email arrived over SMTP. Links point at Brand:SiteUrl; the test server listens elsewhere.
        var confirmation = await MailAsync(smtp, 1);
        await page.GotoAsync(app.ServerAddress + PathOf(ConfirmLink().Match(confirmation.TextBody ?? "").Value));
        await page.ClickAsync("#confirm");
        await Assertions.Expect(page.Locator("#confirmed")).ToBeVisibleAsync();

        // The welcome email's preferences link opens the portal, without the token in the address.
        var welcome = await MailAsync(smtp, 2);
        await page.GotoAsync(app.ServerAddress + PathOf(PortalLink().Match(welcome.TextBody ?? "").Value));
        await Assertions.Expect(page.Locator("#portal")).ToContainTextAsync("Ada, your preferences");
        Assert.DoesNotContain("t=", new Uri(page.Url).Query, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#perspective-evidence")).ToBeCheckedAsync();

        await page.Locator("#perspective-knowledge").CheckAsync();
        await page.ClickAsync("#save-perspective");
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("your emails now speak in the new voice");
        await Assertions.Expect(page.Locator("#perspective-knowledge")).ToBeCheckedAsync();
        Assert.Equal("Your emails now speak in the Cosmic Knowledge voice", (await MailAsync(smtp, 3)).Subject);

        // The email link's session may not export: the portal offers a one-time sign-in link, which may.
        await Assertions.Expect(page.Locator("#download-data")).ToHaveCountAsync(0);
        await page.ClickAsync("#send-sign-in-link");
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("We sent a one-time sign-in link");
        var signIn = await MailAsync(smtp, 4);
        Assert.Equal("Your Astropal sign-in link", signIn.Subject);
        await page.GotoAsync(app.ServerAddress + PathOf(PortalLink().Match(signIn.TextBody ?? "").Value));
        await page.ClickAsync("#open-portal");
        await Assertions.Expect(page.Locator("#portal")).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-data"));
        Assert.Matches(@"^astropal-my-data-\d{4}-\d{2}-\d{2}\.json$", download.SuggestedFilename);
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync())))
        {
            Assert.Equal("ada@example.com", json.RootElement.GetProperty("profile").GetProperty("email").GetString());
            Assert.Equal("knowledge", json.RootElement.GetProperty("profile").GetProperty("perspective").GetString());
            Assert.Equal("portal", json.RootElement.GetProperty("perspectiveChanges")[0].GetProperty("source").GetString());
        }

        await page.ClickAsync("#unsubscribe");
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("You are unsubscribed");
        await Assertions.Expect(page.Locator("#resume")).ToBeVisibleAsync();

        // From now on the dispatcher never selects the reader, while it does select an active one.
        var db = app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
        Guid readerId;
        await using (var read = await db.CreateDbContextAsync())
        {
            var reader = await read.Readers.AsNoTracking().SingleAsync(r => r.Email == "ada@example.com");
            Assert.Equal(ReaderStatus.Unsubscribed, reader.Status);
            readerId = reader.Id;
        }

        var control = await AddActiveReaderAsync(db);
        var planner = app.Services.GetRequiredService<DeliveryPlanner>();
        var start = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        for (var hour = 1; hour <= 8 * 24; hour += 3)
        {
            await planner.CreateDueRowsAsync(start.AddHours(hour), CancellationToken.None);
        }

        await using var check = await db.CreateDbContextAsync();
        Assert.Empty(await check.Deliveries.Where(d => d.ReaderId == readerId).ToListAsync());
        Assert.NotEmpty(await check.Deliveries.Where(d => d.ReaderId == control).ToListAsync());
        Assert.Equal(4, smtp.Received.Count);
    }

    [Fact]
    public async Task A_place_picked_just_before_the_submit_is_bound_although_the_browser_round_trip_lags()
    {
        await using var app = new AstropalAppFactory();
        app.UseKestrel(0);
        app.StartServer();
        var (playwright, browser) = await TestSupport.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.OpenPageAsync(new() { TimezoneId = "Europe/London" });
        await page.GotoAsync(app.ServerAddress + "/start");
        await Assertions.Expect(page.Locator("#time-zone")).ToHaveValueAsync("Europe/London");

        // MudAutocomplete binds a clicked item only after focusing its input through the browser. Holding that round
        // trip stands for a slow line or a busy server: the reader's next clicks and the submit reach the circuit first.
        await page.EvaluateAsync("""
            () => {
              const dom = Blazor._internal.domWrapper, focus = dom.focus, held = [];
              dom.focus = (element, preventScroll) => new Promise(done => held.push(() => { focus(element, preventScroll); done(); }));
              window.releaseFocus = () => held.splice(0).forEach(release => release());
            }
            """);
        await page.FillAsync("#email", "grace@example.com");
        await page.FillAsync("#birth-date", "1988-02-03");
        await page.Locator("#time-unknown").ClickAsync();
        await page.FillAsync("#birth-place", "london");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "London, United Kingdom" }).First.ClickAsync();
        await page.Locator("#focus-career").ClickAsync();
        await page.Locator("#accept-terms").ClickAsync();
        await page.ClickAsync("#sign-up");

        var outcome = page.Locator("#signup-done, #signup-problem");
        await Assertions.Expect(outcome).ToBeVisibleAsync();
        Assert.Equal("signup-done", await outcome.GetAttributeAsync("id"));
        await page.EvaluateAsync("() => window.releaseFocus()");
    }

    /// <summary>
    /// Types into the birthplace field, clicks the item once the list shows it, and waits until the field shows the
    /// pick: the circuit has bound it and closed the list.
    /// </summary>
    private static async Task PickPlaceAsync(IPage page, string typed, string label)
    {
        await page.FillAsync("#birth-place", typed);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = label }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#birth-place")).ToHaveValueAsync(label);
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    private static async Task<Guid> AddActiveReaderAsync(IDbContextFactory<AstropalDbContext> db)
    {
        var reader = new Reader
        {
            Id = Guid.NewGuid(),
            Email = "control@example.com",
            TimeZone = "Europe/London",
            Locale = "en-US",
            ReferralCode = "CONTROL1",
            Status = ReaderStatus.Active,
            Tier = Tier.Free,
            FocusAreas = [FocusAreaId.Career],
            ConfirmedAt = DateTimeOffset.UnixEpoch,
        };
        await using var context = await db.CreateDbContextAsync();
        context.Readers.Add(reader);
        await context.SaveChangesAsync();
        return reader.Id;
    }

    /// <summary>The <paramref name="count"/>th message the SMTP server received (sign-up and sign-in emails leave from the background queue after the page answers).</summary>
    private static async Task<MimeKit.MimeMessage> MailAsync(InProcessSmtpServer smtp, int count) =>
        (await smtp.WaitForMessagesAsync(count, TimeSpan.FromMilliseconds(TestSupport.Browser.WaitLimit)))[count - 1].Message;

    private static string PathOf(string link)
    {
        Assert.NotEmpty(link);
        return new Uri(link).PathAndQuery;
    }

    [GeneratedRegex(@"https?://[^\s]+/start/confirm\?t=[A-Za-z0-9_\-]+")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex(@"https?://[^\s]+/me\?t=[A-Za-z0-9_\-]+")]
    private static partial Regex PortalLink();
}
