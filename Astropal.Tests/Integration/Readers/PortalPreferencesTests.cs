using System.Net;
using Astropal.Core.Readers;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Astropal.Tests.Integration.Readers.PortalHarness;

namespace Astropal.Tests.Integration.Readers;

public sealed class PortalPreferencesTests
{
    private static Dictionary<string, string> Preferences(
        string focus1 = "career", string focus2 = "", string focus3 = "", string delivery = "06:30", string zone = "Europe/London", string locale = "en-US") => new()
    {
        ["PreferencesInput.Focus1"] = focus1,
        ["PreferencesInput.Focus2"] = focus2,
        ["PreferencesInput.Focus3"] = focus3,
        ["PreferencesInput.DeliveryTime"] = delivery,
        ["PreferencesInput.TimeZone"] = zone,
        ["PreferencesInput.Locale"] = locale,
    };

    private static async Task<List<PerspectiveChange>> ChangesAsync(AstropalAppFactory app)
    {
        await using var db = await Db(app).CreateDbContextAsync();
        return await db.PerspectiveChanges.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task Changing_perspective_logs_the_change_and_sends_the_perspective_changed_email()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero));
        await using var app = new AstropalAppFactory { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var reader = await AddReaderAsync(app);
        using var client = await SignedInClientAsync(app, reader.Id);

        using var response = await PostAsync(client, "/me", "perspective", new Dictionary<string, string> { ["PerspectiveInput.Perspective"] = "evidence" });

        Assert.Equal("/me?done=perspective", RedirectOf(response));
        Assert.Equal(PerspectiveId.Evidence, (await ReaderAsync(app, reader.Id)).Perspective);
        var change = Assert.Single(await ChangesAsync(app));
        Assert.Equal((PerspectiveId.Calm, PerspectiveId.Evidence, "portal"), (change.From, change.To, change.Source));
        Assert.Equal(clock.GetUtcNow(), change.At);
        var email = Assert.Single(await SentAsync(app));
        Assert.Equal("Your emails now speak in the Evidence-Based voice", email.Subject);
        Assert.Contains("today at 06:30", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("/me/perspective/calm?t=", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("now speak in the new voice", await GetPageAsync(client, "/me?done=perspective"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_the_current_perspective_changes_nothing_and_sends_nothing()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        using var client = await SignedInClientAsync(app, reader.Id);

        using var response = await PostAsync(client, "/me", "perspective", new Dictionary<string, string> { ["PerspectiveInput.Perspective"] = "calm" });

        Assert.Equal("/me?done=unchanged", RedirectOf(response));
        Assert.Empty(await ChangesAsync(app));
        Assert.Empty(await SentAsync(app));
    }

    [Theory]
    [InlineData("astral")]
    [InlineData("")]
    public async Task An_unknown_perspective_gets_a_field_message_and_changes_nothing(string value)
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        using var client = await SignedInClientAsync(app, reader.Id);

        using var response = await PostAsync(client, "/me", "perspective", new Dictionary<string, string> { ["PerspectiveInput.Perspective"] = value });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"perspective-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Choose one of the four perspectives", html, StringComparison.Ordinal);
        Assert.Equal(PerspectiveId.Calm, (await ReaderAsync(app, reader.Id)).Perspective);
        Assert.Empty(await ChangesAsync(app));
        Assert.Empty(await SentAsync(app));
    }

    [Fact]
    public async Task Focus_areas_delivery_time_time_zone_and_locale_are_saved_in_order()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        using var client = await SignedInClientAsync(app, reader.Id);

        using var response = await PostAsync(client, "/me", "preferences",
            Preferences(focus1: "social", focus2: "", focus3: "career", delivery: "09:30", zone: "America/New_York", locale: "es-ES"));

        Assert.Equal("/me?done=preferences", RedirectOf(response));
        var saved = await ReaderAsync(app, reader.Id);
        Assert.Equal([FocusAreaId.Social, FocusAreaId.Career], saved.FocusAreas);
        Assert.Equal(new TimeOnly(9, 30), saved.DeliveryTime);
        Assert.Equal("America/New_York", saved.TimeZone);
        Assert.Equal("es-ES", saved.Locale);
        // The session now carries the new locale: the next page is in Spanish.
        var page = await GetPageAsync(client, "/me?done=preferences");
        Assert.Contains("Tus preferencias se han guardado.", page, StringComparison.Ordinal);
        Assert.Contains("Tus emails llegan cada mañana a las 09:30 (America/New_York).", page, StringComparison.Ordinal);
    }

    public static TheoryData<string, Dictionary<string, string>> BadPreferences => new()
    {
        { "delivery-time-error", Preferences(delivery: "10:30") },
        { "delivery-time-error", Preferences(delivery: "04:30") },
        { "delivery-time-error", Preferences(delivery: "07:15") },
        { "delivery-time-error", Preferences(delivery: "7.30") },
        { "time-zone-error", Preferences(zone: "Mars/Olympus_Mons") },
        { "time-zone-error", Preferences(zone: "GMT Standard Time") },
        { "locale-error", Preferences(locale: "fr-FR") },
        { "focus-error", Preferences(focus1: "career", focus2: "career") },
        { "focus-error", Preferences(focus1: "astrology") },
        { "focus-error", Preferences(focus1: "", focus2: "", focus3: "") },
    };

    [Theory]
    [MemberData(nameof(BadPreferences))]
    public async Task A_bad_preference_gets_its_field_message_and_nothing_is_saved(string errorId, Dictionary<string, string> form)
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        using var client = await SignedInClientAsync(app, reader.Id);

        using var response = await PostAsync(client, "/me", "preferences", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"id=\"{errorId}\"", html, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", html, StringComparison.Ordinal);
        var after = await ReaderAsync(app, reader.Id);
        Assert.Equal((reader.DeliveryTime, reader.TimeZone, reader.Locale), (after.DeliveryTime, after.TimeZone, after.Locale));
        Assert.Equal(reader.FocusAreas, after.FocusAreas);
        Assert.Equal(reader.UpdatedAt, after.UpdatedAt);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        using var client = await SignedInClientAsync(app, reader.Id);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "pause" });

        using var response = await client.PostAsync(new Uri("/me", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ReaderStatus.Active, (await ReaderAsync(app, reader.Id)).Status);
    }

    [Fact]
    public async Task Pause_resume_and_unsubscribe_move_the_subscription_and_a_repeat_changes_nothing()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        using var client = await SignedInClientAsync(app, reader.Id);

        using (var pause = await PostAsync(client, "/me", "pause"))
        {
            Assert.Equal("/me?done=paused", RedirectOf(pause));
        }

        Assert.Equal(ReaderStatus.Paused, (await ReaderAsync(app, reader.Id)).Status);
        using (var again = await PostAsync(client, "/me", "pause"))
        {
            Assert.Equal("/me?done=unchanged", RedirectOf(again));
        }

        using (var resume = await PostAsync(client, "/me", "resume"))
        {
            Assert.Equal("/me?done=resumed", RedirectOf(resume));
        }

        Assert.Equal(ReaderStatus.Active, (await ReaderAsync(app, reader.Id)).Status);
        using (var unsubscribe = await PostAsync(client, "/me", "unsubscribe"))
        {
            Assert.Equal("/me?done=unsubscribed", RedirectOf(unsubscribe));
        }

        Assert.Equal(ReaderStatus.Unsubscribed, (await ReaderAsync(app, reader.Id)).Status);
        Assert.Contains("id=\"resume\"", await GetPageAsync(client, "/me"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_notices_are_turned_off_and_on_again_from_the_portal_and_a_repeat_changes_nothing()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        using var client = await SignedInClientAsync(app, reader.Id);
        Assert.True((await ReaderAsync(app, reader.Id)).ServiceNotices);
        Assert.Matches("id=\"service-notices\"[^>]*checked", await GetPageAsync(client, "/me"));

        // An unticked box posts nothing for it.
        using (var off = await PostAsync(client, "/me", "notices"))
        {
            Assert.Equal("/me?done=notices-off", RedirectOf(off));
        }

        Assert.False((await ReaderAsync(app, reader.Id)).ServiceNotices);
        var page = await GetPageAsync(client, "/me?done=notices-off");
        Assert.Contains("Service notices are off", page, StringComparison.Ordinal);
        Assert.DoesNotMatch("id=\"service-notices\"[^>]*checked", page);
        using (var again = await PostAsync(client, "/me", "notices"))
        {
            Assert.Equal("/me?done=unchanged", RedirectOf(again));
        }

        using (var on = await PostAsync(client, "/me", "notices", new Dictionary<string, string> { ["NoticesInput.On"] = "true" }))
        {
            Assert.Equal("/me?done=notices-on", RedirectOf(on));
        }

        Assert.True((await ReaderAsync(app, reader.Id)).ServiceNotices);
    }

    [Fact]
    public async Task A_bounced_address_cannot_resume_from_the_portal()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app, ReaderStatus.Bounced);
        using var client = await SignedInClientAsync(app, reader.Id);

        using var response = await PostAsync(client, "/me", "resume");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Nothing was changed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ReaderStatus.Bounced, (await ReaderAsync(app, reader.Id)).Status);
    }

    [Fact]
    public async Task The_footer_links_of_reader_emails_open_the_portal_and_the_perspective_switch()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        var links = app.Services.GetRequiredService<ReaderLinks>().For(reader.Id);
        using var client = app.CreateNonRedirectingClient();

        Assert.StartsWith("http://localhost:5080/me?t=", links.PreferencesUrl, StringComparison.Ordinal);
        Assert.StartsWith("http://localhost:5080/me/perspective/knowledge?t=", links.PerspectiveUrls.Knowledge, StringComparison.Ordinal);
        using var preferences = await client.GetAsync(new Uri(new Uri(links.PreferencesUrl).PathAndQuery, UriKind.Relative));
        Assert.Equal("/me?done=signed-in", RedirectOf(preferences));
        var perspective = await GetPageAsync(client, new Uri(links.PerspectiveUrls.Knowledge).PathAndQuery);
        Assert.Contains("id=\"confirm-switch\"", perspective, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_click_perspective_link_shows_a_button_on_get_and_switches_on_post()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app, locale: "es-ES");
        var url = $"/me/perspective/success?t={EmailLinkToken(app, reader.Id)}";
        using var client = app.CreateNonRedirectingClient();

        var page = await GetPageAsync(client, url);

        Assert.Contains("¿Cambiar a Éxito y Logros?", page, StringComparison.Ordinal);
        Assert.Equal(PerspectiveId.Calm, (await ReaderAsync(app, reader.Id)).Perspective);
        Assert.Empty(await ChangesAsync(app));

        using var post = await PostAsync(client, url, "switch");

        Assert.Equal("/me?done=perspective", RedirectOf(post));
        Assert.Equal(PerspectiveId.Success, (await ReaderAsync(app, reader.Id)).Perspective);
        Assert.Equal("email-link", Assert.Single(await ChangesAsync(app)).Source);
        Assert.Single(await SentAsync(app));
        Assert.Contains("id=\"portal\"", await GetPageAsync(client, "/me"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_click_post_whose_link_expired_meanwhile_changes_nothing()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        await using var app = new AstropalAppFactory { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var reader = await AddReaderAsync(app);
        var url = $"/me/perspective/evidence?t={EmailLinkToken(app, reader.Id)}";
        using var client = app.CreateNonRedirectingClient();
        var antiforgery = Forms.AntiforgeryTokenIn(await GetPageAsync(client, url));

        clock.Advance(TimeSpan.FromDays(31));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "switch", ["__RequestVerificationToken"] = antiforgery });
        using var response = await client.PostAsync(new Uri(url, UriKind.Relative), form);

        Assert.Equal("/me/link?reason=expired", RedirectOf(response));
        Assert.Equal(PerspectiveId.Calm, (await ReaderAsync(app, reader.Id)).Perspective);
        Assert.Empty(await SentAsync(app));
    }

    [Fact]
    public async Task A_one_click_link_to_an_unknown_perspective_gets_a_clear_page()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        using var client = app.CreateNonRedirectingClient();

        using var response = await client.GetAsync(new Uri($"/me/perspective/astral?t={EmailLinkToken(app, reader.Id)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"bad-perspective\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_click_link_with_a_tampered_or_expired_token_changes_nothing()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        await using var app = new AstropalAppFactory { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var reader = await AddReaderAsync(app);
        var token = EmailLinkToken(app, reader.Id);
        using var client = app.CreateNonRedirectingClient();

        using var tampered = await client.GetAsync(new Uri($"/me/perspective/evidence?t={token[..^3]}xyz", UriKind.Relative));
        clock.Advance(TimeSpan.FromDays(31));
        using var expired = await client.GetAsync(new Uri($"/me/perspective/evidence?t={token}", UriKind.Relative));

        Assert.Equal("/me/link?reason=unknown", RedirectOf(tampered));
        Assert.Equal("/me/link?reason=expired", RedirectOf(expired));
        Assert.Equal(PerspectiveId.Calm, (await ReaderAsync(app, reader.Id)).Perspective);
    }
}
