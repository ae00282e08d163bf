using System.Net;
using System.Text.Json;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Astropal.Tests.Integration.Readers.PortalHarness;

namespace Astropal.Tests.Integration.Readers;

public sealed class PortalDataTests
{
    private static async Task AddHistoryAsync(AstropalAppFactory app, Guid readerId)
    {
        await using var db = await Db(app).CreateDbContextAsync();
        var at = new DateTimeOffset(2026, 11, 20, 6, 30, 0, TimeSpan.Zero);
        db.Deliveries.Add(new DeliveryRecord
        {
            Id = Guid.NewGuid(), ReaderId = readerId, Kind = EmailTemplate.Daily, LocalDate = new DateOnly(2026, 11, 20),
            Status = DeliveryStatus.Sent, Attempts = 1, TargetAt = at, SentAt = at.AddSeconds(12), MessageId = "d-1@astropal.local",
            CreatedAt = at, UpdatedAt = at,
        });
        db.Deliveries.Add(new DeliveryRecord
        {
            Id = Guid.NewGuid(), ReaderId = readerId, Kind = EmailTemplate.Daily, LocalDate = new DateOnly(2026, 11, 21),
            Status = DeliveryStatus.Failed, Attempts = 1, TargetAt = at.AddDays(1), MessageId = "d-2@astropal.local",
            LastError = "550 5.1.1 <ada@example.com>: mailbox full", CreatedAt = at, UpdatedAt = at,
        });
        db.Deliveries.Add(new DeliveryRecord
        {
            Id = Guid.NewGuid(), ReaderId = readerId, Kind = EmailTemplate.Evening, LocalDate = new DateOnly(2026, 11, 27),
            Status = DeliveryStatus.Pending, TargetAt = at.AddDays(7), MessageId = "d-3@astropal.local", CreatedAt = at, UpdatedAt = at,
        });
        db.PerspectiveChanges.Add(new PerspectiveChange { ReaderId = readerId, From = PerspectiveId.Evidence, To = PerspectiveId.Calm, At = at, Source = "portal" });
        db.ReaderTokens.Add(new ReaderToken
        {
            ReaderId = readerId, Purpose = ReaderTokenPurpose.Confirm, TokenHash = ReaderToken.NewToken().Hash,
            CreatedAt = at.AddDays(-20), ExpiresAt = at.AddDays(-18), UsedAt = at.AddDays(-20),
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Download_my_data_gives_a_json_file_with_everything_held_and_no_token_hashes()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        await AddHistoryAsync(app, reader.Id);
        using var client = await LinkSignedInClientAsync(app, reader.Id);

        using var response = await PostFromPageAsync(client, "/me", "/me/data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^astropal-my-data-\d{4}-\d{2}-\d{2}\.json$", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        var profile = root.GetProperty("profile");
        Assert.Equal("ada@example.com", profile.GetProperty("email").GetString());
        Assert.Equal("1990-05-17", profile.GetProperty("birthDate").GetString());
        Assert.Equal("08:30:00", profile.GetProperty("birthTime").GetString());
        Assert.Equal(2643743, profile.GetProperty("birthPlaceId").GetInt32());
        Assert.Equal(["wellness", "spiritual"], profile.GetProperty("focusAreas").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal("calm", profile.GetProperty("perspective").GetString());
        Assert.True(profile.GetProperty("serviceNotices").GetBoolean());
        Assert.True(root.GetProperty("consents").GetProperty("marketingConsent").GetBoolean());
        Assert.Equal(1, root.GetProperty("natalChart").GetProperty("version").GetInt32());
        Assert.Equal("evidence", root.GetProperty("perspectiveChanges")[0].GetProperty("from").GetString());
        Assert.Equal(3, root.GetProperty("deliveries").GetArrayLength());
        Assert.Equal("sent", root.GetProperty("deliveries")[0].GetProperty("status").GetString());
        Assert.Equal("", root.GetProperty("deliveries")[0].GetProperty("reference").GetString());
        Assert.Equal(["confirm", "sign-in"], root.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("purpose").GetString()!));
        Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);
        await using var db = await Db(app).CreateDbContextAsync();
        Assert.Contains(await db.AuditEntries.ToListAsync(), e => e.Action == "reader.data-exported" && e.Target == reader.Id.ToString("D"));
    }

    [Fact]
    public async Task Download_without_a_session_or_without_the_antiforgery_token_gives_nothing()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        using var anonymous = app.CreateNonRedirectingClient();
        using var signedIn = await SignedInClientAsync(app, reader.Id);

        using var withoutSession = await PostFromPageAsync(anonymous, "/me/link", "/me/data");
        using var empty = new FormUrlEncodedContent(new Dictionary<string, string>());
        using var withoutToken = await signedIn.PostAsync(new Uri("/me/data", UriKind.Relative), empty);

        Assert.Equal("/me/link?reason=signed-out", RedirectOf(withoutSession));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.DoesNotContain("ada@example.com", await withoutToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_without_ticking_the_box_deletes_nothing()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        using var client = await LinkSignedInClientAsync(app, reader.Id);
        Assert.Contains("id=\"delete-account\"", await GetPageAsync(client, "/me/delete"), StringComparison.Ordinal);

        using var response = await PostAsync(client, "/me/delete", "delete");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"delete-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await ReaderAsync(app, reader.Id);
        Assert.Equal((ReaderStatus.Active, "ada@example.com"), (after.Status, after.Email));
        Assert.Empty(await SentAsync(app));
    }

    [Fact]
    public async Task Deleting_the_account_erases_personal_data_keeps_delivery_history_and_says_goodbye_first()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        await AddHistoryAsync(app, reader.Id);
        var oldLink = EmailLinkToken(app, reader.Id);
        using var client = await LinkSignedInClientAsync(app, reader.Id);

        using var response = await PostAsync(client, "/me/delete", "delete", new Dictionary<string, string> { ["DeleteInput.Confirm"] = "true" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"deleted\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var farewell = Assert.Single(await SentAsync(app));
        Assert.Equal("ada@example.com", farewell.To.Mailboxes.Single().Address);
        Assert.Equal("Your Astropal account has been deleted", farewell.Subject);
        Assert.Contains("within 30 days", farewell.TextBody, StringComparison.Ordinal);

        var erased = await ReaderAsync(app, reader.Id);
        Assert.Equal(ReaderStatus.Deleted, erased.Status);
        Assert.NotNull(erased.DeletedAt);
        Assert.Null(erased.Email);
        Assert.Null(erased.Name);
        Assert.Null(erased.BirthDate);
        Assert.Null(erased.BirthTime);
        Assert.Null(erased.BirthPlaceId);
        Assert.Null(erased.BirthPlaceName);
        Assert.Null(erased.BirthLatitude);
        Assert.Null(erased.NatalChartJson);
        Assert.Null(erased.ReferredBy);
        Assert.Empty(erased.FocusAreas);
        Assert.False(erased.MarketingConsent);
        Assert.NotEqual(reader.ReferralCode, erased.ReferralCode);

        await using (var db = await Db(app).CreateDbContextAsync())
        {
            var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.ReaderId == reader.Id).ToListAsync();
            Assert.Equal(3, deliveries.Count);
            Assert.DoesNotContain(deliveries, d => d.LastError?.Contains('@', StringComparison.Ordinal) == true);
            Assert.DoesNotContain(deliveries, d => d.Status == DeliveryStatus.Pending);
            Assert.Empty(await db.ReaderTokens.Where(t => t.ReaderId == reader.Id).ToListAsync());
            Assert.Empty(await db.PerspectiveChanges.Where(c => c.ReaderId == reader.Id).ToListAsync());
            var audit = Assert.Single(await db.AuditEntries.Where(e => e.Action == "reader.deleted").ToListAsync());
            Assert.Equal(reader.Id.ToString("D"), audit.Target);
            Assert.DoesNotContain("ada", audit.Detail ?? "", StringComparison.OrdinalIgnoreCase);
        }

        using var portal = await client.GetAsync(new Uri("/me", UriKind.Relative));
        Assert.Equal("/me/link?reason=signed-out", RedirectOf(portal));
        using var fresh = app.CreateNonRedirectingClient();
        using var link = await fresh.GetAsync(new Uri($"/me?t={oldLink}", UriKind.Relative));
        Assert.Equal("/me/link?reason=unknown", RedirectOf(link));
    }

    [Fact]
    public async Task After_deletion_the_address_can_sign_up_again_as_a_new_reader()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app);
        using var client = await LinkSignedInClientAsync(app, reader.Id);
        using var _ = await PostAsync(client, "/me/delete", "delete", new Dictionary<string, string> { ["DeleteInput.Confirm"] = "true" });

        using var api = app.CreateClient();
        using var signup = await api.PostAsync(new Uri("/api/readers", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new
        {
            email = "ada@example.com", birthDate = "1990-05-17", birthPlaceId = 2643743, timeZone = "Europe/London",
            focusAreas = new[] { "career" }, acceptTerms = true,
        }));

        Assert.Equal(HttpStatusCode.Accepted, signup.StatusCode);
        await SettledAsync(app);
        await using var db = await Db(app).CreateDbContextAsync();
        Assert.Equal(2, await db.Readers.CountAsync());
        Assert.Equal("Confirm your Astropal subscription", (await SentAsync(app))[^1].Subject);
    }
}
