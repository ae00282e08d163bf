using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using static Astropal.Tests.Integration.Readers.PortalHarness;

namespace Astropal.Tests.Integration.Readers;

public sealed partial class SignupTests
{
    internal static object Body(string email = "ada@example.com", object? focusAreas = null, string birthDate = "1990-05-17", string name = "Ada") => new
    {
        email,
        name,
        birthDate,
        birthTime = "08:30",
        birthPlaceId = 2643743,
        timeZone = "Europe/London",
        deliveryTime = "06:30",
        locale = "en-US",
        perspective = "calm",
        focusAreas = focusAreas ?? new[] { "wellness", "spiritual" },
        acceptTerms = true,
        marketingConsent = false,
        referralCode = (string?)null,
    };

    private static async Task<List<Reader>> ReadersAsync(AstropalAppFactory app)
    {
        await SettledAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AstropalDbContext>().Readers.AsNoTracking().ToListAsync();
    }

    internal static string ConfirmToken(MimeKit.MimeMessage message) =>
        ConfirmLink().Match(message.TextBody ?? "").Groups[1].Value;

    [GeneratedRegex(@"/start/confirm\?t=([A-Za-z0-9_\-]+)")]
    private static partial Regex ConfirmLink();

    [Fact]
    public async Task A_valid_sign_up_is_accepted_stored_pending_and_sent_a_confirmation_link()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/readers", Body(email: "Ada@Example.com"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("check-your-inbox", json.RootElement.GetProperty("status").GetString());
        var reader = Assert.Single(await ReadersAsync(app));
        Assert.Equal("ada@example.com", reader.Email);
        Assert.Equal(ReaderStatus.Pending, reader.Status);
        Assert.Equal([FocusAreaId.Wellness, FocusAreaId.Spiritual], reader.FocusAreas);
        Assert.Null(reader.NatalChartJson);
        var email = Assert.Single(await SentAsync(app));
        Assert.Equal("ada@example.com", email.To.Mailboxes.Single().Address);
        Assert.NotEmpty(ConfirmToken(email));
    }

    [Fact]
    public async Task Bad_input_answers_400_with_one_entry_per_bad_field_and_stores_nothing()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/readers", Body(email: "not-an-email", focusAreas: new[] { "career", "career" }, birthDate: "2023-02-30"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors");
        Assert.Equal(new[] { "birthDate", "email", "focusAreas" }, errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Empty(await ReadersAsync(app));
        Assert.Empty(await SentAsync(app));
    }

    [Fact]
    public async Task An_address_already_subscribed_gets_the_same_answer_no_new_reader_and_a_sign_in_link()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();
        using var first = await client.PostAsJsonAsync("/api/readers", Body());
        await ConfirmAsync(app, ConfirmToken((await SentAsync(app)).Single()));
        Assert.Equal(2, (await SentAsync(app)).Count);

        using var second = await client.PostAsJsonAsync("/api/readers", Body());

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Single(await ReadersAsync(app));
        var sent = (await SentAsync(app));
        Assert.Equal(3, sent.Count); // confirmation, welcome, and now a sign-in link rather than a second confirmation
        Assert.Equal("Your Astropal sign-in link", sent[2].Subject);
        Assert.Contains("/me?t=", sent[2].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_sign_up_of_a_pending_address_within_a_day_gets_the_same_answer_and_no_second_email()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();
        using var first = await client.PostAsJsonAsync("/api/readers", Body());

        using var second = await client.PostAsJsonAsync("/api/readers", Body());

        // Before, the second answer was 429 for a pending address and 202 for any other: it told who had signed up.
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.False(second.Headers.Contains("Retry-After"));
        Assert.Single(await SentAsync(app));
    }

    [Fact]
    public async Task The_sixth_request_from_one_client_within_an_hour_is_refused_whatever_it_contains()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/readers", Body(email: $"bad-{i}"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using var sixth = await client.PostAsJsonAsync("/api/readers", Body(email: "fine@example.com"));

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.True(int.Parse(sixth.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Empty(await ReadersAsync(app));
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit()
    {
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?> { ["RateLimits:SignupsPerIpPerHour"] = "1" });
        app.UseKestrel(0);
        app.StartServer();
        using var client = new HttpClient { BaseAddress = new Uri(app.ServerAddress) };

        async Task<HttpStatusCode> PostAs(string ip)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/readers") { Content = JsonContent.Create(Body(email: "x")) };
            request.Headers.Add("X-Forwarded-For", ip);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.BadRequest, await PostAs("203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostAs("203.0.113.7"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAs("198.51.100.9"));
    }

    [Fact]
    public async Task A_body_over_16_kilobytes_is_refused()
    {
        await using var app = new AstropalAppFactory();
        app.UseKestrel(0);
        app.StartServer();
        using var client = new HttpClient { BaseAddress = new Uri(app.ServerAddress) };

        using var response = await client.PostAsJsonAsync("/api/readers", new { email = "ada@example.com", name = new string('a', 20_000) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await ReadersAsync(app));
    }

    [Fact]
    public async Task Confirming_activates_the_reader_starts_the_trial_and_casts_the_natal_chart_once()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateNonRedirectingClient();
        using var _ = await client.PostAsJsonAsync("/api/readers", Body());
        var token = ConfirmToken((await SentAsync(app)).Single());

        var landing = await client.GetStringAsync($"/start/confirm?t={token}");
        Assert.Contains("Confirm my subscription", landing, StringComparison.Ordinal);
        Assert.Equal(ReaderStatus.Pending, Assert.Single(await ReadersAsync(app)).Status);

        var confirmed = await ConfirmAsync(app, token, client);

        Assert.Contains("id=\"confirmed\"", confirmed, StringComparison.Ordinal);
        var reader = Assert.Single(await ReadersAsync(app));
        Assert.Equal(ReaderStatus.Active, reader.Status);
        Assert.NotNull(reader.ConfirmedAt);
        Assert.Equal(reader.ConfirmedAt!.Value.AddDays(7), reader.TrialEndsAt);
        var chart = StoredNatalChart.FromJson(reader.NatalChartJson!);
        Assert.True(chart.BirthTimeKnown);
        Assert.Equal(new DateTimeOffset(1990, 5, 17, 7, 30, 0, TimeSpan.Zero), chart.Utc);
        Assert.Equal(10, chart.Bodies.Count);
        Assert.NotNull(chart.Ascendant);

        var sent = (await SentAsync(app));
        Assert.Equal(2, sent.Count);
        var welcome = sent[1];
        Assert.Contains("06:30", welcome.TextBody, StringComparison.Ordinal);
        Assert.Contains("Mental Wellness", welcome.TextBody, StringComparison.Ordinal);
        Assert.Contains("/u/", welcome.Headers["List-Unsubscribe"] ?? "", StringComparison.Ordinal);

        var again = await ConfirmAsync(app, token, client);
        Assert.Contains("id=\"used\"", again, StringComparison.Ordinal);
        Assert.Equal(2, (await SentAsync(app)).Count);
    }

    [Fact]
    public async Task A_tampered_token_changes_nothing()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateNonRedirectingClient();
        using var _ = await client.PostAsJsonAsync("/api/readers", Body());
        var token = ConfirmToken((await SentAsync(app)).Single());

        var page = await ConfirmAsync(app, token[..^2] + (token[^2] == 'A' ? "BB" : "AA"), client);

        Assert.Contains("id=\"unknown\"", page, StringComparison.Ordinal);
        Assert.Equal(ReaderStatus.Pending, Assert.Single(await ReadersAsync(app)).Status);
    }

    [Fact]
    public async Task An_expired_token_changes_nothing()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        await using var app = new AstropalAppFactory { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        using var client = app.CreateNonRedirectingClient();
        using var _ = await client.PostAsJsonAsync("/api/readers", Body());
        var token = ConfirmToken((await SentAsync(app)).Single());

        clock.Advance(TimeSpan.FromHours(48) + TimeSpan.FromMinutes(1));
        var page = await ConfirmAsync(app, token, client);

        Assert.Contains("id=\"expired\"", page, StringComparison.Ordinal);
        Assert.Equal(ReaderStatus.Pending, Assert.Single(await ReadersAsync(app)).Status);
    }

    internal static async Task<string> ConfirmAsync(AstropalAppFactory app, string token, HttpClient? client = null)
    {
        using var own = client is null ? app.CreateNonRedirectingClient() : null;
        var http = client ?? own!;
        using var response = await Forms.PostFormAsync(http, $"/start/confirm?t={token}", "confirm", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
