using System.Net;
using System.Net.Http.Json;
using Astropal.Core.Readers.Signup;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Readers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Astropal.Tests.Integration.Readers.PortalHarness;

namespace Astropal.Tests.Integration.Readers;

/// <summary>The sign-up limits hold whatever the entrance: the API, or the /start page, which calls the service directly.</summary>
public sealed class SignupLimitsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    private static SignupRequest Request(string email, string? name = "Ada") => new()
    {
        Email = email,
        Name = name,
        BirthDate = "1990-05-17",
        BirthTime = "08:30",
        BirthPlaceId = 2643743,
        TimeZone = "Europe/London",
        DeliveryTime = "06:30",
        Locale = "en-US",
        Perspective = "calm",
        FocusAreas = ["wellness"],
        AcceptTerms = true,
    };

    /// <summary>What the /start page does: a scope of its own (no HTTP request) and the sign-up service.</summary>
    private static async Task<SignupOutcome> SignUpLikeTheStartPageAsync(AstropalAppFactory app, string email, string? name = "Ada")
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SignupService>().SignUpAsync(Request(email, name), CancellationToken.None);
    }

    [Fact]
    public async Task The_start_page_entrance_meets_the_per_client_limit_of_the_api()
    {
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?> { ["RateLimits:SignupsPerIpPerHour"] = "2" });

        var outcomes = new List<SignupOutcome>();
        for (var i = 0; i < 4; i++)
        {
            outcomes.Add(await SignUpLikeTheStartPageAsync(app, $"victim{i}@example.com"));
        }

        Assert.IsType<SignupOutcome.Accepted>(outcomes[0]);
        Assert.IsType<SignupOutcome.Accepted>(outcomes[1]);
        Assert.All(outcomes.Skip(2), o => Assert.True(o is SignupOutcome.TryLater { RetryAfter.TotalSeconds: > 0 }, $"{o} should be TryLater"));
        Assert.Equal(2, (await SentAsync(app)).Count);
    }

    [Fact]
    public async Task The_per_client_limit_is_shared_by_the_api_and_the_start_page()
    {
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?> { ["RateLimits:SignupsPerIpPerHour"] = "1" });
        using var client = app.CreateClient();

        // The test server's requests and a scope without a request both come from no known address: one client.
        using var api = await client.PostAsJsonAsync("/api/readers", SignupTests.Body(email: "one@example.com"));
        var page = await SignUpLikeTheStartPageAsync(app, "two@example.com");

        Assert.Equal(HttpStatusCode.Accepted, api.StatusCode);
        Assert.IsType<SignupOutcome.TryLater>(page);
    }

    [Fact]
    public async Task Beyond_the_hourly_cap_of_confirmation_emails_sign_ups_are_asked_to_try_again_later_and_one_alert_is_recorded()
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = new AstropalAppFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["RateLimits:ConfirmationEmailsPerHour"] = "2",
                ["RateLimits:SignupsPerIpPerHour"] = "100",
            },
            TestServices = s => s.AddSingleton<TimeProvider>(clock),
        };
        using var client = app.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await client.PostAsJsonAsync("/api/readers", SignupTests.Body(email: $"reader{i}@example.com")));
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            answers.Select(a => a.StatusCode));
        Assert.Contains("try again later", await answers[2].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.InRange(int.Parse(answers[2].Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 3600);
        Assert.Equal(2, (await SentAsync(app)).Count);
        var page = await SignUpLikeTheStartPageAsync(app, "page@example.com");
        Assert.IsType<SignupOutcome.TryLater>(page);

        // One alert for the hour, not one per refused sign-up.
        Assert.Equal(1, await AlertsAsync(app));

        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        using var later = await client.PostAsJsonAsync("/api/readers", SignupTests.Body(email: "later@example.com"));
        Assert.Equal(HttpStatusCode.Accepted, later.StatusCode);
        Assert.Equal(3, (await SentAsync(app)).Count);

        for (var i = 0; i < 2; i++)
        {
            using var over = await client.PostAsJsonAsync("/api/readers", SignupTests.Body(email: $"again{i}@example.com"));
        }

        Assert.Equal(2, await AlertsAsync(app)); // a new hour, a new alert
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task After_a_restart_the_cap_counts_the_confirmation_links_of_the_last_hour()
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = new AstropalAppFactory
        {
            Settings = new Dictionary<string, string?> { ["RateLimits:ConfirmationEmailsPerHour"] = "2" },
            TestServices = s => s.AddSingleton<TimeProvider>(clock),
        };
        var reader = await AddReaderAsync(app, Astropal.Core.Readers.ReaderStatus.Pending);
        await using (var db = await Db(app).CreateDbContextAsync())
        {
            // What an earlier run of the app sent in the last hour (and one older link, which no longer counts).
            foreach (var minutesAgo in new[] { 90, 50, 10 })
            {
                var (_, row) = Astropal.Core.Readers.ReaderToken.Issue(
                    reader.Id, Astropal.Core.Readers.ReaderTokenPurpose.Confirm, Start.AddMinutes(-minutesAgo), TimeSpan.FromHours(48));
                db.ReaderTokens.Add(row);
            }

            await db.SaveChangesAsync();
        }

        var outcome = await SignUpLikeTheStartPageAsync(app, "new@example.com");

        var later = Assert.IsType<SignupOutcome.TryLater>(outcome);
        Assert.Equal(TimeSpan.FromMinutes(10), later.RetryAfter); // the 50-minute-old link frees its slot first
        Assert.Empty(await SentAsync(app));
    }

    private static async Task<int> AlertsAsync(AstropalAppFactory app)
    {
        await using var db = await Db(app).CreateDbContextAsync();
        var alerts = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "alert.confirmation-cap-reached").ToListAsync();
        Assert.All(alerts, a => Assert.Equal("system", a.Actor));
        return alerts.Count;
    }

    [Fact]
    public async Task The_confirmation_email_does_not_carry_the_unconfirmed_name()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();
        const string name = "Win a prize at spam.example";

        using var response = await client.PostAsJsonAsync("/api/readers", SignupTests.Body(email: "victim@example.com", name: name));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var email = Assert.Single(await SentAsync(app));
        Assert.Equal("Confirm your Astropal subscription", email.Subject);
        Assert.DoesNotContain("spam.example", email.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("spam.example", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("spam.example", email.Headers.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", email.To.Mailboxes.Single().Name ?? "");
        Assert.Contains("One click and you're in", email.TextBody, StringComparison.Ordinal);
    }
}
