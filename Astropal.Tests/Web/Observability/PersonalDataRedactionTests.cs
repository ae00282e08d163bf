using Astropal.Web.Infrastructure.Observability;

namespace Astropal.Tests.Web.Observability;

public sealed class PersonalDataRedactionTests
{
    [Theory]
    [InlineData("Email")]
    [InlineData("ReaderEmail")]
    [InlineData("Name")]
    [InlineData("reader_name")]
    [InlineData("BirthDate")]
    [InlineData("birth-time")]
    [InlineData("BirthPlace")]
    [InlineData("BirthLatitude")]
    [InlineData("Token")]
    [InlineData("Authorization")]
    [InlineData("password")]
    public void Fields_named_for_personal_data_or_secrets_are_personal(string key) =>
        Assert.True(PersonalDataRedaction.IsPersonalKey(key));

    [Theory]
    [InlineData("DeliveryId")]
    [InlineData("Kind")]
    [InlineData("JobName")]
    [InlineData("server_name")]
    [InlineData("Outcome")]
    [InlineData("")]
    public void Other_fields_are_kept(string key) =>
        Assert.False(PersonalDataRedaction.IsPersonalKey(key));

    [Fact]
    public void Email_addresses_anywhere_in_a_text_and_token_links_are_masked()
    {
        var text = PersonalDataRedaction.Redact("Relay refused <ada.lovelace+news@mail.example.co.uk>, see https://a.example/u/abc123 and ?t=xyz");

        Assert.Equal("Relay refused <[email]>, see https://a.example/u/*** and ?t=***", text);
    }

    [Fact]
    public void A_template_is_filled_with_personal_placeholders_masked_and_the_others_given_their_values()
    {
        var filled = PersonalDataRedaction.RedactTemplate(
            "Sign-up of {Email} named {Name} failed at {Stage} ({Unknown})",
            key => key == "Stage" ? "compose" : null);

        Assert.Equal("Sign-up of [redacted] named [redacted] failed at compose ({Unknown})", filled);
    }
}
