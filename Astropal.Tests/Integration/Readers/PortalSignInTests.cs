using System.Net;
using System.Net.Http.Json;
using Astropal.Core.Readers;
using Astropal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Astropal.Tests.Integration.Readers.PortalHarness;

namespace Astropal.Tests.Integration.Readers;

public sealed class PortalSignInTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    private static async Task<int> UnusedSignInTokensAsync(AstropalAppFactory app, Guid readerId)
    {
        await using var db = await Db(app).CreateDbContextAsync();
        return await db.ReaderTokens.CountAsync(t => t.ReaderId == readerId && t.Purpose == ReaderTokenPurpose.SignIn && t.UsedAt == null);
    }

    private static Task<HttpResponseMessage> RequestLinkAsync(HttpClient client, string email) =>
        PostAsync(client, "/me/link", "new-link", new Dictionary<string, string> { ["LinkInput.Email"] = email });

    [Fact]
    public async Task The_email_link_opens_a_reader_session_and_redirects_to_me_without_the_token()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        using var client = app.CreateNonRedirectingClient();

        using var response = await client.GetAsync(new Uri($"/me?t={EmailLinkToken(app, reader.Id)}", UriKind.Relative));

        Assert.Equal("/me?done=signed-in", RedirectOf(response));
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("astropal.reader=", StringComparison.Ordinal));
        Assert.Contains("path=/me", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase); // a browser-session cookie
        var page = await GetPageAsync(client, "/me?done=signed-in");
        Assert.Contains("id=\"portal\"", page, StringComparison.Ordinal);
        Assert.Contains("Ada, your preferences", page, StringComparison.Ordinal);
        Assert.NotNull((await ReaderAsync(app, reader.Id)).LastActivityAt);
    }

    [Fact]
    public async Task The_reader_session_is_not_an_operator_session()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        using var client = await SignedInClientAsync(app, reader.Id);

        using var console = await client.GetAsync(new Uri("/ops", UriKind.Relative));

        Assert.StartsWith("/account/sign-in", RedirectOf(console), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_portal_speaks_the_readers_language()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app, locale: "es-ES");
        using var client = await SignedInClientAsync(app, reader.Id);

        var page = await GetPageAsync(client, "/me");

        Assert.Contains("Ada, tus preferencias", page, StringComparison.Ordinal);
        Assert.Contains("Calma y Equilibrio", page, StringComparison.Ordinal);
        Assert.Contains("Tus datos", page, StringComparison.Ordinal); // the download button itself needs a recent one-time sign-in link
    }

    [Fact]
    public async Task Without_a_session_the_portal_sends_the_reader_to_the_new_link_page()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateNonRedirectingClient();

        using var response = await client.GetAsync(new Uri("/me", UriKind.Relative));

        Assert.Equal("/me/link?reason=signed-out", RedirectOf(response));
        Assert.Contains("id=\"link-signed-out\"", await GetPageAsync(client, "/me/link?reason=signed-out"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("truncated")]
    [InlineData("garbage")]
    public async Task A_tampered_email_link_gets_a_clear_page_and_no_session(string how)
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        var token = EmailLinkToken(app, reader.Id);
        token = how switch
        {
            "tampered" => token[..20] + (token[20] == 'A' ? 'B' : 'A') + token[21..],
            "truncated" => token[..^4],
            _ => "not-a-token",
        };
        using var client = app.CreateNonRedirectingClient();

        using var response = await client.GetAsync(new Uri($"/me?t={token}", UriKind.Relative));

        Assert.Equal("/me/link?reason=unknown", RedirectOf(response));
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("astropal.reader=", StringComparison.Ordinal)));
        Assert.Contains("This link doesn", await GetPageAsync(client, "/me/link?reason=unknown"), StringComparison.Ordinal);
        Assert.Null((await ReaderAsync(app, reader.Id)).LastActivityAt);
    }

    [Fact]
    public async Task An_expired_email_link_gets_the_expired_page()
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = new AstropalAppFactory { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var reader = await AddReaderAsync(app);
        var token = EmailLinkToken(app, reader.Id);
        using var client = app.CreateNonRedirectingClient();

        clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        using var response = await client.GetAsync(new Uri($"/me?t={token}", UriKind.Relative));

        Assert.Equal("/me/link?reason=expired", RedirectOf(response));
        Assert.Contains("This link has expired", await GetPageAsync(client, "/me/link?reason=expired"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_ends_after_its_lifetime_without_activity()
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = new AstropalAppFactory { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var reader = await AddReaderAsync(app);
        using var client = await SignedInClientAsync(app, reader.Id);

        clock.Advance(TimeSpan.FromMinutes(31));
        using var response = await client.GetAsync(new Uri("/me", UriKind.Relative));

        Assert.Equal("/me/link?reason=signed-out", RedirectOf(response));
    }

    [Theory]
    [InlineData("/me", "pause")]
    [InlineData("/me/delete", "delete")]
    public async Task A_form_posted_after_the_session_ended_changes_nothing_and_sends_to_the_new_link_page(string page, string form)
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = new AstropalAppFactory { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var reader = await AddReaderAsync(app);
        using var client = await SignedInClientAsync(app, reader.Id);
        var antiforgery = Forms.AntiforgeryTokenIn(await GetPageAsync(client, page));

        clock.Advance(TimeSpan.FromHours(1));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = form,
            ["__RequestVerificationToken"] = antiforgery,
            ["DeleteInput.Confirm"] = "true",
        });
        using var response = await client.PostAsync(new Uri(page, UriKind.Relative), content);

        Assert.Equal("/me/link?reason=signed-out", RedirectOf(response));
        var after = await ReaderAsync(app, reader.Id);
        Assert.Equal((ReaderStatus.Active, "ada@example.com"), (after.Status, after.Email));
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        using var client = await SignedInClientAsync(app, reader.Id);

        using var signOut = await PostFromPageAsync(client, "/me", "/me/sign-out");
        using var after = await client.GetAsync(new Uri("/me", UriKind.Relative));

        Assert.Equal("/", RedirectOf(signOut));
        Assert.Equal("/me/link?reason=signed-out", RedirectOf(after));
    }

    [Fact]
    public async Task Email_me_a_new_link_sends_a_one_time_link_that_a_get_does_not_use_up()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        using var client = app.CreateNonRedirectingClient();

        using var request = await RequestLinkAsync(client, " Ada@Example.com ");

        Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        Assert.Contains("id=\"link-sent\"", await request.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var email = Assert.Single(await SentAsync(app));
        Assert.Equal("Your Astropal sign-in link", email.Subject);
        Assert.Equal("ada@example.com", email.To.Mailboxes.Single().Address);
        var token = SignInToken(email);
        await using (var db = await Db(app).CreateDbContextAsync())
        {
            var row = await db.ReaderTokens.SingleAsync(t => t.Purpose == ReaderTokenPurpose.SignIn);
            Assert.NotEqual(token, row.TokenHash);
            Assert.Equal(ReaderToken.Hash(token), row.TokenHash); // only the hash is stored
            Assert.Equal(TimeSpan.FromHours(1), row.ExpiresAt - row.CreatedAt);
        }

        // What a mail scanner does: follow the link. It sees a button and uses nothing up.
        var landing = await GetPageAsync(client, $"/me?t={token}");
        Assert.Contains("id=\"open-portal\"", landing, StringComparison.Ordinal);
        Assert.Equal(1, await UnusedSignInTokensAsync(app, reader.Id));

        using var open = await PostAsync(client, $"/me?t={token}", "sign-in");
        Assert.Equal("/me?done=signed-in", RedirectOf(open));
        Assert.Contains("id=\"portal\"", await GetPageAsync(client, "/me"), StringComparison.Ordinal);
        Assert.Equal(0, await UnusedSignInTokensAsync(app, reader.Id));
    }

    [Fact]
    public async Task A_used_sign_in_link_gets_the_used_page_and_opens_nothing()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        using var first = app.CreateNonRedirectingClient();
        using var _ = await RequestLinkAsync(first, "ada@example.com");
        var token = SignInToken((await SentAsync(app)).Single());
        using var used = await PostAsync(first, $"/me?t={token}", "sign-in");

        using var second = app.CreateNonRedirectingClient();
        using var again = await second.GetAsync(new Uri($"/me?t={token}", UriKind.Relative));

        Assert.Equal("/me/link?reason=used", RedirectOf(again));
        Assert.Contains("This link was already used", await GetPageAsync(second, "/me/link?reason=used"), StringComparison.Ordinal);
        using var portal = await second.GetAsync(new Uri("/me", UriKind.Relative));
        Assert.Equal("/me/link?reason=signed-out", RedirectOf(portal));
    }

    [Fact]
    public async Task An_expired_sign_in_link_gets_the_expired_page()
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = new AstropalAppFactory { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var reader = await AddReaderAsync(app);
        using var client = app.CreateNonRedirectingClient();
        using var _ = await RequestLinkAsync(client, "ada@example.com");
        var token = SignInToken((await SentAsync(app)).Single());

        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        using var get = await client.GetAsync(new Uri($"/me?t={token}", UriKind.Relative));

        Assert.Equal("/me/link?reason=expired", RedirectOf(get));
        Assert.Equal(1, await UnusedSignInTokensAsync(app, reader.Id));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_email()
    {
        await using var app = new AstropalAppFactory();
        await AddReaderAsync(app);
        using var client = app.CreateNonRedirectingClient();

        using var known = await RequestLinkAsync(client, "ada@example.com");
        using var unknown = await RequestLinkAsync(client, "nobody@example.com");

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(SentSection(await known.Content.ReadAsStringAsync()), SentSection(await unknown.Content.ReadAsStringAsync()));
        Assert.Single(await SentAsync(app));
    }

    [Theory]
    [InlineData(ReaderStatus.Pending)]
    [InlineData(ReaderStatus.Bounced)]
    public async Task Readers_who_may_not_open_the_portal_get_the_same_answer_and_no_email(ReaderStatus status)
    {
        await using var app = new AstropalAppFactory();
        await AddReaderAsync(app, status);
        using var client = app.CreateNonRedirectingClient();

        using var response = await RequestLinkAsync(client, "ada@example.com");

        Assert.Contains("id=\"link-sent\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await SentAsync(app));
    }

    [Fact]
    public async Task A_malformed_address_gets_a_field_message_and_nothing_is_sent()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateNonRedirectingClient();

        using var response = await RequestLinkAsync(client, "ada@example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter an email address like name@example.com.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await SentAsync(app));
    }

    [Fact]
    public async Task Links_per_address_are_limited_per_hour_without_changing_the_answer()
    {
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?> { ["RateLimits:SignInLinksPerAddressPerHour"] = "2" });
        await AddReaderAsync(app);
        using var client = app.CreateNonRedirectingClient();

        for (var i = 0; i < 3; i++)
        {
            using var response = await RequestLinkAsync(client, "ada@example.com");
            Assert.Contains("id=\"link-sent\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(2, (await SentAsync(app)).Count);
    }

    [Fact]
    public async Task Requests_from_one_network_beyond_the_hourly_limit_get_429()
    {
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?> { ["RateLimits:SignInLinkRequestsPerIpPerHour"] = "1" });
        await AddReaderAsync(app);
        using var client = app.CreateNonRedirectingClient();

        using var first = await RequestLinkAsync(client, "someone@example.com");
        using var second = await RequestLinkAsync(client, "ada@example.com");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Contains("Too many requests", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await SentAsync(app));
    }

    [Fact]
    public async Task A_subscribed_address_signing_up_again_gets_the_neutral_answer_and_a_sign_in_link()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/readers", new
        {
            email = "ADA@example.com", name = "Someone else", birthDate = "1980-01-01", birthTime = (string?)null, birthPlaceId = 2643743,
            timeZone = "Europe/Madrid", deliveryTime = "09:00", locale = "es-ES", perspective = "success", focusAreas = new[] { "career" },
            acceptTerms = true, marketingConsent = false,
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("check-your-inbox", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var email = Assert.Single(await SentAsync(app));
        Assert.Equal("Your Astropal sign-in link", email.Subject);
        Assert.NotEmpty(SignInToken(email));
        var unchanged = await ReaderAsync(app, reader.Id);
        Assert.Equal("Ada", unchanged.Name);
        Assert.Equal(PerspectiveId.Calm, unchanged.Perspective);
    }

    private static string SentSection(string html) => html[html.IndexOf("id=\"link-sent\"", StringComparison.Ordinal)..html.IndexOf("</section>", StringComparison.Ordinal)];
}
