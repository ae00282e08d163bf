using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Astropal.Core.Billing;
using Astropal.Core.Readers;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Beta;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.Integration.Beta;

public sealed class InvitationSignupTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory dir = new("beta-invitation");

    public void Dispose() => dir.Dispose();

    /// <summary>Only what the invited reader types: name and birth data (plus where they live and the terms).</summary>
    private static object Body(string? invitation, string? email = null) => new
    {
        invitation,
        email,
        name = "Kim",
        birthDate = "1990-05-17",
        birthTime = "08:30",
        birthPlaceId = 2643743,
        timeZone = "Europe/London",
        acceptTerms = true,
    };

    private async Task<(AstropalAppFactory App, FakeTimeProvider Clock, string Token)> InvitedAsync()
    {
        var clock = new FakeTimeProvider(Start);
        var app = new AstropalAppFactory { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var path = BetaHarness.WriteFile(dir, BetaHarness.FourUsers);
        Assert.Equal(0, (await CliRun.RunAsync(app.Services, null, "import-beta-users", "--file", path)).ExitCode);
        var mail = app.OutboxMessages().Single(m => m.To.Mailboxes.Single().Address == "knowledge@example.org");
        return (app, clock, BetaHarness.InvitationToken(mail));
    }

    [Fact]
    public async Task Completing_the_sign_up_with_an_invitation_activates_the_reader_at_once_with_a_welcome_and_no_confirmation()
    {
        var (app, clock, token) = await InvitedAsync();
        await using var _ = app;
        using var client = app.CreateClient();
        clock.Advance(TimeSpan.FromDays(2));

        using var response = await client.PostAsJsonAsync("/api/readers", Body(token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
        {
            Assert.Equal("active", json.RootElement.GetProperty("status").GetString());
        }

        await using var db = await BetaHarness.DbAsync(app);
        var reader = await db.Readers.AsNoTracking().SingleAsync(r => r.Email == "knowledge@example.org");
        var now = clock.GetUtcNow();
        Assert.Equal((ReaderStatus.Active, "beta", Tier.Trial), (reader.Status, reader.Cohort, reader.Tier));
        Assert.Equal((now, now), (reader.ConfirmedAt!.Value, reader.InvitationAcceptedAt!.Value));
        Assert.True(reader.TrialEndsAt > now);
        Assert.NotNull(reader.NatalChartJson);
        Assert.Equal(("Kim", new DateOnly(1990, 5, 17), "Europe/London"), (reader.Name, reader.BirthDate!.Value, reader.TimeZone));
        // The invitation's choices stay: perspective, focus areas, language.
        Assert.Equal((PerspectiveId.Knowledge, "en-US"), (reader.Perspective, reader.Locale));
        Assert.Equal([FocusAreaId.EvidenceBased, FocusAreaId.Career], reader.FocusAreas);
        Assert.NotNull((await db.ReaderTokens.SingleAsync(t => t.ReaderId == reader.Id)).UsedAt);

        var toKim = app.OutboxMessages().Where(m => m.To.Mailboxes.Single().Address == "knowledge@example.org").ToList();
        Assert.Equal(2, toKim.Count); // the invitation and the welcome, no confirmation
        Assert.Single(toKim, m => (m.Subject ?? "").StartsWith("Welcome to Astropal", StringComparison.Ordinal));
        Assert.DoesNotContain(app.OutboxMessages(), m => (m.Subject ?? "").StartsWith("Confirm your", StringComparison.Ordinal));

        // Single use: the same link again is refused and sends nothing.
        using var again = await client.PostAsJsonAsync("/api/readers", Body(token));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        using var problem = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.Contains("used already", problem.RootElement.GetProperty("errors").GetProperty("invitation")[0].GetString()!, StringComparison.Ordinal);
        Assert.Equal(5, app.OutboxMessages().Count); // four invitations and one welcome
    }

    [Fact]
    public async Task An_expired_invitation_is_refused_and_changes_nothing()
    {
        var (app, clock, token) = await InvitedAsync();
        await using var _ = app;
        using var client = app.CreateClient();
        clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));

        using var response = await client.PostAsJsonAsync("/api/readers", Body(token));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("expired", problem.RootElement.GetProperty("errors").GetProperty("invitation")[0].GetString()!, StringComparison.Ordinal);
        await using var db = await BetaHarness.DbAsync(app);
        Assert.Equal(ReaderStatus.Invited, (await db.Readers.SingleAsync(r => r.Email == "knowledge@example.org")).Status);
        Assert.Equal(4, app.OutboxMessages().Count);
    }

    [Fact]
    public async Task An_unknown_invitation_or_another_address_is_refused_by_field()
    {
        var (app, _, token) = await InvitedAsync();
        await using var __ = app;
        using var client = app.CreateClient();

        using var unknown = await client.PostAsJsonAsync("/api/readers", Body("not-a-real-token"));
        using var otherAddress = await client.PostAsJsonAsync("/api/readers", Body(token, email: "someone-else@example.org"));
        using var sameAddress = await client.PostAsJsonAsync("/api/readers", Body(token, email: "KNOWLEDGE@example.org"));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("\"invitation\"", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, otherAddress.StatusCode);
        Assert.Contains("This invitation is for knowledge@example.org", await otherAddress.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, sameAddress.StatusCode);
    }

    [Fact]
    public async Task A_missing_birth_date_is_a_field_error_and_the_invitation_still_works_afterwards()
    {
        var (app, _, token) = await InvitedAsync();
        await using var __ = app;
        using var client = app.CreateClient();

        using var bad = await client.PostAsJsonAsync("/api/readers", new { invitation = token, birthPlaceId = 2643743, timeZone = "Europe/London", acceptTerms = true });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"birthDate\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var good = await client.PostAsJsonAsync("/api/readers", Body(token));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Fact]
    public async Task An_invited_reader_who_signs_up_without_the_link_gets_an_ordinary_confirmation_and_nothing_changes_until_it_is_used()
    {
        var (app, _, token) = await InvitedAsync();
        await using var __ = app;
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/readers", new
        {
            email = "knowledge@example.org", name = "Kim", birthDate = "1990-05-17", birthPlaceId = 2643743, timeZone = "Europe/London",
            perspective = "calm", focusAreas = new[] { "social" }, acceptTerms = true,
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Astropal.Tests.Integration.Readers.PortalHarness.SettledAsync(app);
        Assert.Equal(5, app.OutboxMessages().Count);
        Assert.Single(app.OutboxMessages(), m => m.To.Mailboxes.Single().Address == "knowledge@example.org" && m.Subject == "Confirm your Astropal subscription");
        await using var db = await BetaHarness.DbAsync(app);
        var reader = await db.Readers.SingleAsync(r => r.Email == "knowledge@example.org");

        // Without proof of the mailbox the form's details wait on the confirmation link; the invitation still works.
        Assert.Equal((ReaderStatus.Invited, "beta", PerspectiveId.Knowledge, (DateOnly?)null), (reader.Status, reader.Cohort, reader.Perspective, reader.BirthDate));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(InvitationState.Valid, (await scope.ServiceProvider.GetRequiredService<BetaInvitations>().FindAsync(token, CancellationToken.None)).State);
    }

    [Fact]
    public async Task The_invitation_lookup_gives_what_the_form_fills_in()
    {
        var (app, clock, token) = await InvitedAsync();
        await using var _ = app;
        await using var scope = app.Services.CreateAsyncScope();
        var invitations = scope.ServiceProvider.GetRequiredService<BetaInvitations>();

        var found = await invitations.FindAsync(token, CancellationToken.None);

        Assert.Equal((InvitationState.Valid, "knowledge@example.org", "Kim", PerspectiveId.Knowledge, "en-US"),
            (found.State, found.Email, found.Name, found.Perspective, found.Locale));
        Assert.Equal([FocusAreaId.EvidenceBased, FocusAreaId.Career], found.FocusAreas);
        Assert.Equal(InvitationState.Unknown, (await invitations.FindAsync("nope", CancellationToken.None)).State);
        clock.Advance(TimeSpan.FromDays(15));
        Assert.Equal(InvitationState.Expired, (await invitations.FindAsync(token, CancellationToken.None)).State);
    }
}
