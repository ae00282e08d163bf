using System.Net;
using System.Text.RegularExpressions;
using Astropal.Core.Billing;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Readers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Readers;

/// <summary>Readers straight into the database, their email links, and portal sessions over HTTP with cookies.</summary>
internal static partial class PortalHarness
{
    public static async Task<Reader> AddReaderAsync(
        AstropalAppFactory app, ReaderStatus status = ReaderStatus.Active, string locale = "en-US", string email = "ada@example.com")
    {
        var reader = new Reader
        {
            Id = Guid.NewGuid(),
            Email = email,
            Name = "Ada",
            BirthDate = new DateOnly(1990, 5, 17),
            BirthTime = new TimeOnly(8, 30),
            BirthPlaceId = 2643743,
            BirthPlaceName = "London, England, United Kingdom",
            BirthLatitude = 51.50853,
            BirthLongitude = -0.12574,
            BirthTimeZone = "Europe/London",
            TimeZone = "Europe/London",
            DeliveryTime = new TimeOnly(6, 30),
            Locale = locale,
            Perspective = PerspectiveId.Calm,
            FocusAreas = [FocusAreaId.Wellness, FocusAreaId.Spiritual],
            Tier = Tier.Trial,
            Status = status,
            TermsAcceptedAt = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero),
            MarketingConsent = true,
            MarketingConsentAt = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero),
            ReferralCode = "R" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
            CreatedAt = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero),
            ConfirmedAt = status == ReaderStatus.Pending ? null : new DateTimeOffset(2026, 11, 1, 9, 5, 0, TimeSpan.Zero),
            NatalChartJson = """{"version":1,"bodies":[]}""",
        };
        await using var db = await Db(app).CreateDbContextAsync();
        db.Readers.Add(reader);
        await db.SaveChangesAsync();
        return reader;
    }

    /// <summary>The emails sent so far, once the background email backlog has worked off everything queued.</summary>
    public static async Task<IReadOnlyList<MimeKit.MimeMessage>> SentAsync(AstropalAppFactory app)
    {
        await SettledAsync(app);
        return app.OutboxMessages();
    }

    /// <summary>Waits until every sign-up and sign-in link queued so far has been worked on (sent, refused, or failed and logged).</summary>
    public static async Task SettledAsync(AstropalAppFactory app)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await app.Services.GetRequiredService<ReaderEmailBacklog>().WhenIdleAsync(limit.Token);
    }

    /// <summary>
    /// Opens the portal from a one-time sign-in link, as a reader does after "email me a sign-in link":
    /// a session that may download and delete data for the next 15 minutes.
    /// </summary>
    public static async Task<HttpClient> LinkSignedInClientAsync(AstropalAppFactory app, Guid readerId)
    {
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var (token, row) = ReaderToken.Issue(readerId, ReaderTokenPurpose.SignIn, now, TimeSpan.FromHours(1));
        await using (var db = await Db(app).CreateDbContextAsync())
        {
            db.ReaderTokens.Add(row);
            await db.SaveChangesAsync();
        }

        var client = app.CreateNonRedirectingClient();
        using var response = await PostAsync(client, $"/me?t={token}", "sign-in");
        Assert.Equal("/me?done=signed-in", RedirectOf(response));
        return client;
    }

    public static IDbContextFactory<AstropalDbContext> Db(AstropalAppFactory app) =>
        app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();

    public static async Task<Reader> ReaderAsync(AstropalAppFactory app, Guid id)
    {
        await using var db = await Db(app).CreateDbContextAsync();
        return await db.Readers.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    /// <summary>The token of the preferences link in the reader's emails.</summary>
    public static string EmailLinkToken(AstropalAppFactory app, Guid readerId) =>
        app.Services.GetRequiredService<PortalLinkTokens>().Create(readerId);

    /// <summary>Opens the portal from an email link: the session cookie lands in the client's cookie jar.</summary>
    public static async Task<HttpClient> SignedInClientAsync(AstropalAppFactory app, Guid readerId)
    {
        var client = app.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri($"/me?t={EmailLinkToken(app, readerId)}", UriKind.Relative));
        Assert.Equal("/me?done=signed-in", RedirectOf(response));
        return client;
    }

    /// <summary>The page's HTML with character references decoded (Blazor writes "ñ" as <c>&amp;#xF1;</c>).</summary>
    public static async Task<string> GetPageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Where a response sends the browser (relative), or null when it is not a redirect.</summary>
    public static string? RedirectOf(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther && response.Headers.Location is { } location
            ? (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString)
            : null;

    /// <summary>Posts a form of a portal page the way the browser does (antiforgery token from the page itself).</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string formName, IReadOnlyDictionary<string, string>? fields = null) =>
        Forms.PostFormAsync(client, page, formName, fields ?? new Dictionary<string, string>());

    /// <summary>Posts to an endpoint with the antiforgery token of the page that holds its form.</summary>
    public static async Task<HttpResponseMessage> PostFromPageAsync(HttpClient client, string page, string action)
    {
        var token = Forms.AntiforgeryTokenIn(await client.GetStringAsync(new Uri(page, UriKind.Relative)));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    public static string SignInToken(MimeKit.MimeMessage message)
    {
        var match = SignInLink().Match(message.TextBody ?? "");
        Assert.True(match.Success, "The email has no sign-in link.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"/me\?t=([A-Za-z0-9_\-]+)")]
    private static partial Regex SignInLink();
}
