using System.Net;
using System.Net.Http.Json;
using Astropal.Core.Readers;
using Astropal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Astropal.Tests.Integration.Readers.PortalHarness;

namespace Astropal.Tests.Integration.Readers;

/// <summary>Signing up an address again changes nothing until the mailbox confirms the new link.</summary>
public sealed class RepeatSignupTests
{
    private static object Other(string email = "ada@example.com") => new
    {
        email,
        name = "Mallory",
        birthDate = "1980-01-02",
        birthTime = (string?)null,
        birthPlaceId = 3117735,
        timeZone = "Europe/Madrid",
        deliveryTime = "09:00",
        locale = "es-ES",
        perspective = "success",
        focusAreas = new[] { "career" },
        acceptTerms = true,
        marketingConsent = true,
    };

    private static async Task<Reader> OnlyReaderAsync(AstropalAppFactory app)
    {
        await SettledAsync(app);
        await using var db = await Db(app).CreateDbContextAsync();
        return await db.Readers.AsNoTracking().SingleAsync();
    }

    private static void AssertStillAda(Reader reader)
    {
        Assert.Equal("Ada", reader.Name);
        Assert.Equal(new DateOnly(1990, 5, 17), reader.BirthDate);
        Assert.Equal(2643743, reader.BirthPlaceId);
        Assert.Equal("Europe/London", reader.TimeZone);
        Assert.Equal("en-US", reader.Locale);
        Assert.Equal(PerspectiveId.Calm, reader.Perspective);
        Assert.False(reader.MarketingConsent);
    }

    [Fact]
    public async Task A_second_sign_up_for_a_pending_address_leaves_the_stored_name_unchanged_until_its_link_is_confirmed()
    {
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?> { ["RateLimits:SignupsPerAddressPerDay"] = "2" });
        using var client = app.CreateNonRedirectingClient();
        using var first = await client.PostAsJsonAsync("/api/readers", SignupTests.Body());

        using var second = await client.PostAsJsonAsync("/api/readers", Other());

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var pending = await OnlyReaderAsync(app);
        Assert.Equal(ReaderStatus.Pending, pending.Status);
        AssertStillAda(pending);
        var sent = await SentAsync(app);
        Assert.Equal(2, sent.Count);
        Assert.Equal("Confirma tu suscripción a Astropal", sent[1].Subject); // in the language the second sign-up chose

        await SignupTests.ConfirmAsync(app, SignupTests.ConfirmToken(sent[1]), client);

        var confirmed = await OnlyReaderAsync(app);
        Assert.Equal(ReaderStatus.Active, confirmed.Status);
        Assert.Equal("Mallory", confirmed.Name);
        Assert.Equal(new DateOnly(1980, 1, 2), confirmed.BirthDate);
        Assert.Null(confirmed.BirthTime);
        Assert.Equal(3117735, confirmed.BirthPlaceId);
        Assert.Equal("es-ES", confirmed.Locale);
        Assert.Equal(PerspectiveId.Success, confirmed.Perspective);
        Assert.Equal([FocusAreaId.Career], confirmed.FocusAreas);
        Assert.True(confirmed.MarketingConsent);
        Assert.False(StoredNatalChart.FromJson(confirmed.NatalChartJson!).BirthTimeKnown); // cast from the new birth data
    }

    [Fact]
    public async Task Confirming_the_first_link_keeps_the_first_details_and_the_second_link_then_changes_nothing()
    {
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?> { ["RateLimits:SignupsPerAddressPerDay"] = "2" });
        using var client = app.CreateNonRedirectingClient();
        using var first = await client.PostAsJsonAsync("/api/readers", SignupTests.Body());
        using var second = await client.PostAsJsonAsync("/api/readers", Other());
        var sent = await SentAsync(app);

        await SignupTests.ConfirmAsync(app, SignupTests.ConfirmToken(sent[0]), client);
        AssertStillAda(await OnlyReaderAsync(app));

        // The reader is active now: sign-up never changes an active reader's data, not even through its own link.
        await SignupTests.ConfirmAsync(app, SignupTests.ConfirmToken(sent[1]), client);
        var reader = await OnlyReaderAsync(app);
        Assert.Equal(ReaderStatus.Active, reader.Status);
        AssertStillAda(reader);
    }

    [Fact]
    public async Task Signing_up_an_unsubscribed_address_keeps_the_old_details_until_the_new_link_is_confirmed()
    {
        await using var app = new AstropalAppFactory();
        var reader = await AddReaderAsync(app, ReaderStatus.Unsubscribed);
        using var client = app.CreateNonRedirectingClient();

        using var response = await client.PostAsJsonAsync("/api/readers", Other());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var before = await ReaderAsync(app, reader.Id);
        Assert.Equal((ReaderStatus.Unsubscribed, "Ada", PerspectiveId.Calm, "en-US"), (before.Status, before.Name, before.Perspective, before.Locale));
        var email = Assert.Single(await SentAsync(app));

        await SignupTests.ConfirmAsync(app, SignupTests.ConfirmToken(email), client);

        var after = await ReaderAsync(app, reader.Id);
        Assert.Equal((ReaderStatus.Active, "Mallory", PerspectiveId.Success, "es-ES"), (after.Status, after.Name, after.Perspective, after.Locale));
    }
}
