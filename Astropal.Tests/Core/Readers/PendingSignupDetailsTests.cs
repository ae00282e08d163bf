using Astropal.Core.Places;
using Astropal.Core.Readers;
using Astropal.Core.Readers.Signup;

namespace Astropal.Tests.Core.Readers;

public sealed class PendingSignupDetailsTests
{
    private static readonly DateTimeOffset Submitted = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    private static ValidSignup Signup() => new(
        "ana@example.com", "Ana", new DateOnly(1980, 1, 2), null,
        new GazetteerCity(3117735, "Madrid", "29", "Madrid", "ES", "Spain", 40.4165, -3.70256, "Europe/Madrid", 3_255_944, "Madrid, Spain", false),
        "Europe/Madrid", new TimeOnly(9, 0), "es-ES", PerspectiveId.Success, [FocusAreaId.Career, FocusAreaId.Social], true, "FRIEND42");

    [Fact]
    public void Details_survive_the_round_trip_through_the_token_column_and_apply_every_field()
    {
        var json = PendingSignupDetails.From(Signup(), Submitted).ToJson();
        var details = PendingSignupDetails.FromJson(json);
        var reader = new Reader { Id = Guid.NewGuid(), Email = "ana@example.com", TimeZone = "UTC", Locale = "en-US", ReferralCode = "ABCDEFGH", Name = "Old" };

        Assert.NotNull(details);
        details.ApplyTo(reader, Submitted.AddHours(1));

        Assert.Equal("Ana", reader.Name);
        Assert.Equal(new DateOnly(1980, 1, 2), reader.BirthDate);
        Assert.Null(reader.BirthTime);
        Assert.Equal((3117735, "Madrid, Spain", 40.4165, -3.70256, "Europe/Madrid"),
            (reader.BirthPlaceId, reader.BirthPlaceName, reader.BirthLatitude, reader.BirthLongitude, reader.BirthTimeZone));
        Assert.Equal(("Europe/Madrid", new TimeOnly(9, 0), "es-ES", PerspectiveId.Success), (reader.TimeZone, reader.DeliveryTime, reader.Locale, reader.Perspective));
        Assert.Equal([FocusAreaId.Career, FocusAreaId.Social], reader.FocusAreas);
        Assert.Equal(Submitted, reader.TermsAcceptedAt); // consents count from when they were given
        Assert.Equal((true, (DateTimeOffset?)Submitted), (reader.MarketingConsent, reader.MarketingConsentAt));
        Assert.Equal("FRIEND42", reader.ReferredBy);
        Assert.Equal(Submitted.AddHours(1), reader.UpdatedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{not json")]
    public void A_token_without_readable_details_has_none(string? json) =>
        Assert.Null(PendingSignupDetails.FromJson(json));
}
