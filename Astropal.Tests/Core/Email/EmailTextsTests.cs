using Astropal.Core.Email;

namespace Astropal.Tests.Core.Email;

public sealed class EmailTextsTests
{
    private static readonly EmailTexts Texts = EmailTexts.Parse(
        "es-ES",
        """{ "daily": { "heading": "Tu día, {{Name}}", "button": "<b>Abrir</b> &amp; leer" } }""",
        "es-ES.json");

    [Fact]
    public void Nested_keys_are_joined_with_dots()
    {
        Assert.Equal(["daily.heading", "daily.button"], Texts.Keys);
        Assert.Equal("Tu día, {{Name}}", Texts["daily.heading"]);
        Assert.Null(Texts["daily.missing"]);
        Assert.Equal("es-ES", Texts.Culture.Name);
    }

    [Fact]
    public void Upper_case_leaves_the_placeholders_as_they_are()
    {
        var text = Texts.Localize("{{t 'daily.heading' upper=true}}", html: false, "daily.txt");

        Assert.Equal("TU DÍA, {{Name}}", text);
    }

    [Fact]
    public void The_plain_text_part_drops_tags_and_decodes_entities()
    {
        Assert.Equal("<b>Abrir</b> &amp; leer", Texts.Localize("{{t 'daily.button'}}", html: true, "daily.html"));
        Assert.Equal("Abrir & leer", Texts.Localize("{{t 'daily.button'}}", html: false, "daily.txt"));
    }

    [Fact]
    public void A_missing_text_names_the_locale_file_the_key_and_its_user()
    {
        var error = Assert.Throws<EmailTemplateException>(() => Texts.Localize("{{t 'daily.footer'}}", html: true, "daily.html"));

        Assert.Equal("emails/locales/es-ES.json has no text \"daily.footer\", which daily.html uses.", error.Message);
    }

    [Fact]
    public void Broken_json_is_reported_with_the_file_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EmailTexts.Parse("en-US", "{ \"a\": ", "en-US.json"));

        Assert.StartsWith("en-US.json is not valid JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_is_neither_text_nor_group_is_rejected_with_its_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EmailTexts.Parse("en-US", """{ "daily": { "count": 3 } }""", "en-US.json"));

        Assert.Equal("en-US.json: \"daily.count\" must be a text or a group of texts, not Number.", error.Message);
    }

    [Fact]
    public void Keys_used_by_a_template_are_listed_in_order()
    {
        Assert.Equal(["a.b", "c"], EmailTexts.KeysUsedBy("{{t 'a.b'}} and {{ t 'c' upper=true }}"));
    }
}
