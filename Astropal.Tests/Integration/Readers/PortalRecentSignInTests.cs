using System.Net;
using Astropal.Core.Readers;
using Astropal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Astropal.Tests.Integration.Readers.PortalHarness;

namespace Astropal.Tests.Integration.Readers;

/// <summary>
/// The links in ordinary emails open the portal for weeks and may have been forwarded: exporting the
/// birth data and deleting the account need a session from a one-time sign-in link of the last 15 minutes.
/// </summary>
public sealed class PortalRecentSignInTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    private static async Task<int> ExportsAsync(AstropalAppFactory app)
    {
        await using var db = await Db(app).CreateDbContextAsync();
        return await db.AuditEntries.CountAsync(e => e.Action == "reader.data-exported");
    }

    [Fact]
    public async Task An_email_link_session_can_neither_download_nor_delete_and_is_offered_a_sign_in_link_that_can()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        using var client = await SignedInClientAsync(app, reader.Id);

        var portal = await GetPageAsync(client, "/me");
        Assert.Contains("id=\"recent-sign-in-needed\"", portal, StringComparison.Ordinal);
        Assert.Contains("a one-time sign-in link in the last 15 minutes", portal, StringComparison.Ordinal);
        Assert.Contains("id=\"send-sign-in-link\"", portal, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"download-data\"", portal, StringComparison.Ordinal);

        using var download = await PostFromPageAsync(client, "/me", "/me/data");
        Assert.Equal("/me?done=sign-in-needed", RedirectOf(download));
        Assert.Equal(0, await ExportsAsync(app));
        Assert.Contains("Nothing was downloaded or deleted", await GetPageAsync(client, "/me?done=sign-in-needed"), StringComparison.Ordinal);

        var deletePage = await GetPageAsync(client, "/me/delete");
        Assert.Contains("id=\"recent-sign-in-needed\"", deletePage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"delete-account\"", deletePage, StringComparison.Ordinal);
        using var delete = await PostAsync(client, "/me/delete", "delete", new Dictionary<string, string> { ["DeleteInput.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        var kept = await ReaderAsync(app, reader.Id);
        Assert.Equal((ReaderStatus.Active, "ada@example.com", "Ada"), (kept.Status, kept.Email, kept.Name));
        Assert.Empty(await SentAsync(app));

        // The offered link: emailed to the reader's own address, one click, and the data is theirs.
        using var send = await PostAsync(client, "/me", "send-link");
        Assert.Equal("/me?done=link-sent", RedirectOf(send));
        var email = Assert.Single(await SentAsync(app));
        Assert.Equal(("ada@example.com", "Your Astropal sign-in link"), (email.To.Mailboxes.Single().Address, email.Subject));
        using var open = await PostAsync(client, $"/me?t={SignInToken(email)}", "sign-in");
        Assert.Equal("/me?done=signed-in", RedirectOf(open));
        Assert.Contains("id=\"download-data\"", await GetPageAsync(client, "/me"), StringComparison.Ordinal);
        using var allowed = await PostFromPageAsync(client, "/me", "/me/data");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(1, await ExportsAsync(app));
    }

    [Fact]
    public async Task Fifteen_minutes_after_the_sign_in_link_the_session_no_longer_downloads_or_deletes()
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = new AstropalAppFactory { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var reader = await AddReaderAsync(app);
        using var client = await LinkSignedInClientAsync(app, reader.Id);
        Assert.Contains("id=\"download-data\"", await GetPageAsync(client, "/me"), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(10));
        var antiforgery = Forms.AntiforgeryTokenIn(await GetPageAsync(client, "/me")); // activity keeps the session, not the permission
        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery });
        using var download = await client.PostAsync(new Uri("/me/data", UriKind.Relative), content);

        Assert.Equal("/me?done=sign-in-needed", RedirectOf(download));
        Assert.Equal(0, await ExportsAsync(app));
        using var delete = await PostAsync(client, "/me/delete", "delete", new Dictionary<string, string> { ["DeleteInput.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(ReaderStatus.Active, (await ReaderAsync(app, reader.Id)).Status);
    }

    [Fact]
    public async Task Saving_preferences_keeps_the_recent_sign_in()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        using var client = await LinkSignedInClientAsync(app, reader.Id);

        using var save = await PostAsync(client, "/me", "preferences", new Dictionary<string, string>
        {
            ["PreferencesInput.Focus1"] = "career",
            ["PreferencesInput.DeliveryTime"] = "07:00",
            ["PreferencesInput.TimeZone"] = "Europe/London",
            ["PreferencesInput.Locale"] = "es-ES",
        });

        Assert.Equal("/me?done=preferences", RedirectOf(save));
        Assert.Contains("id=\"download-data\"", await GetPageAsync(client, "/me"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_portal_explains_it_in_spanish_to_a_spanish_reader()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app, locale: "es-ES");
        using var client = await SignedInClientAsync(app, reader.Id);

        var portal = await GetPageAsync(client, "/me");

        Assert.Contains("enlace de acceso de un solo uso en los últimos 15 minutos", portal, StringComparison.Ordinal);
        Assert.Contains("Enviarme un enlace de acceso", portal, StringComparison.Ordinal);
    }
}
