using System.Net;
using System.Text.RegularExpressions;
using Astropal.Core.Branding;
using Astropal.Core.Content;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace Astropal.Tests.Core.Email;

/// <summary>Every reader email in the reader's language: fixed texts from emails/locales, one MJML source per template.</summary>
public sealed partial class EmailLocalizationTests
{
    private static readonly string EmailsDir = Path.Combine(RepositoryRoot.Find(), "emails");

    private static readonly BrandOptions Brand = EmailSamples.Brand;

    private static readonly EmailTemplateRenderer Renderer = new(Options.Create(Brand));

    // Fixed English texts a Spanish email must never show (button labels, headings, footer).
    private static readonly string[] KnownEnglishPhrases =
    [
        "for entertainment and self-reflection", "You get this email because", "Read tomorrow in another voice",
        "Preferences", "Unsubscribe", "Confirm my subscription", "click and you're in", "Today's sky", "Your sky today",
        "Your focus", "Worth sharing", "What to expect", "Adjust time and focus areas", "Looking back on today",
        "Questions for tonight", "Tomorrow's sky", "Day by day", "Key dates", "headlines through your sky",
        "Download my data", "Keep my personal horoscope", "Choose a plan", "Your trial", "account is deleted",
    ];

    public static TheoryData<EmailTemplate> AllTemplates() => new(Enum.GetValues<EmailTemplate>());

    [Theory]
    [MemberData(nameof(AllTemplates))]
    public void Each_template_renders_in_spanish_with_spanish_fixed_texts_and_no_english_leftovers(EmailTemplate template)
    {
        var model = EmailSamples.For(template);
        var email = Renderer.Render(model, "es-ES");
        var html = WebUtility.HtmlDecode(email.Html);
        var english = EnglishFragmentsUsedBy(template);

        Assert.Contains("<html lang=\"es\"", email.Html, StringComparison.Ordinal);
        foreach (var part in new[] { html, email.Text, email.Subject + " " + email.Preheader })
        {
            Assert.DoesNotContain("{{", part, StringComparison.Ordinal);
            foreach (var phrase in KnownEnglishPhrases.Concat(english))
            {
                Assert.DoesNotContain(phrase, part, StringComparison.Ordinal);
            }
        }

        foreach (var part in new[] { html, email.Text })
        {
            Assert.Contains("Recibes este correo porque", part, StringComparison.Ordinal);
            Assert.Contains("Starling es entretenimiento y una invitación a la reflexión personal", part, StringComparison.Ordinal);
            Assert.Contains("Starling, 9 Comet Road, Leeds LS1 1AA", part, StringComparison.Ordinal);
            if (model.Links is not null)
            {
                Assert.Contains("Preferencias", part, StringComparison.Ordinal);
                Assert.Contains("Darse de baja", part, StringComparison.Ordinal);
                Assert.Contains("Lee mañana con otra voz", part, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_spanish_footer_names_each_perspective_in_spanish_next_to_its_one_click_link()
    {
        var email = Renderer.Render(EmailSamples.Daily(), "es-ES");
        var html = WebUtility.HtmlDecode(email.Html);

        foreach (var perspective in Perspective.All)
        {
            var name = ContentLocale.Spanish.Perspective(perspective.Id);
            var url = EmailSamples.Links.PerspectiveUrls.GetType().GetProperty(perspective.Id.ToString())!.GetValue(EmailSamples.Links.PerspectiveUrls);
            Assert.Contains($"{name}: {url}", email.Text, StringComparison.Ordinal);
            Assert.Matches($"href=\"{Regex.Escape((string)url!)}\"[^>]*>.*?{Regex.Escape(name)}</a>", html);
        }
    }

    [Fact]
    public void Spanish_subjects_headings_and_buttons_carry_the_model_values()
    {
        var confirm = Renderer.Render(EmailSamples.For(EmailTemplate.Confirm, name: "Ada"), "es-ES");
        var daily = Renderer.Render(EmailSamples.Daily(), "es-ES");

        Assert.Equal("Confirma tu suscripción a Starling", confirm.Subject);
        Assert.Equal("Un clic y tu primera lectura llega mañana por la mañana.", confirm.Preheader);
        Assert.Contains("Un clic y ya estás dentro", confirm.Text, StringComparison.Ordinal); // no name: it is unconfirmed
        Assert.Contains("El enlace funciona durante 48 horas.", confirm.Text, StringComparison.Ordinal);
        Assert.Matches("href=\"https://astropal.test/confirm/abc\"[^>]*>\\s*Confirmar mi suscripción", confirm.Html);
        Assert.Contains("EL CIELO DE HOY", daily.Text, StringComparison.Ordinal);
        Assert.Contains("Mars square natal Saturn · orbe 1°12′ · exacto Thu 14:05", daily.Text, StringComparison.Ordinal);
        Assert.Equal("Moon in Gemini: a day for questions", daily.Subject);
    }

    [Fact]
    public void Markup_in_a_text_stays_in_the_html_part_and_values_inside_it_are_escaped()
    {
        var model = (Astropal.Core.Email.Models.PerspectiveChangedEmailModel)EmailSamples.For(EmailTemplate.PerspectiveChanged)
            with { NewPerspectiveName = "Evidencia <b>" };

        var email = Renderer.Render(model, "es-ES");

        Assert.Contains("<strong>Evidencia &lt;b&gt;</strong>", email.Html, StringComparison.Ordinal);
        Assert.Contains("a Evidencia <b>.", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_built_parts_of_a_model_use_the_same_tables()
    {
        Assert.Equal("Tu cielo del día a las 06:30", Renderer.Phrase("es-ES", "welcome.schedule.daily", new { Time = "06:30" }));
        Assert.Equal("Your daily sky at 06:30", Renderer.Phrase("en-US", "welcome.schedule.daily", new { Time = "06:30" }));
        Assert.Throws<EmailTemplateException>(() => Renderer.Phrase("es-ES", "welcome.schedule.nope"));
        Assert.Throws<ArgumentException>(() => Renderer.Render(EmailSamples.Daily(), "fr-FR"));
    }

    [Fact]
    public void Every_locale_table_has_every_text_the_templates_use_and_the_same_keys_as_english()
    {
        var used = TemplateSources().SelectMany(s => EmailTexts.KeysUsedBy(File.ReadAllText(s))).ToHashSet(StringComparer.Ordinal);
        var english = Renderer.TextsFor("en-US").Keys.ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(used);
        foreach (var locale in ContentLocale.All)
        {
            var keys = Renderer.TextsFor(locale.Name).Keys;
            Assert.Empty(used.Except(keys));
            Assert.Empty(english.Except(keys));
            Assert.Empty(keys.Except(english));
            Assert.All(keys, k => Assert.False(string.IsNullOrWhiteSpace(Renderer.TextsFor(locale.Name)[k]), $"{locale.Name}: \"{k}\" is empty"));
        }
    }

    [Fact]
    public void A_locale_table_missing_a_key_is_an_error_naming_the_locale_and_the_key()
    {
        var dir = Directory.CreateTempSubdirectory("locales-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "locales"));
            var spanish = File.ReadAllText(Path.Combine(EmailsDir, "locales", "es-ES.json"))
                .Replace("\"button\": \"Confirmar mi suscripción\",", "", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(dir, "locales", "es-ES.json"), spanish);
            var renderer = new EmailTemplateRenderer(Options.Create(Brand), Options.Create(new EmailOptions { TemplateDirectory = dir }));

            var error = Assert.Throws<EmailTemplateException>(() => renderer.Render(EmailSamples.For(EmailTemplate.Confirm), "es-ES"));

            Assert.Contains("emails/locales/es-ES.json has no text \"confirm.button\"", error.Message, StringComparison.Ordinal);
            Assert.Equal("Confirm your Starling subscription", renderer.Render(EmailSamples.For(EmailTemplate.Confirm), "en-US").Subject);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static IEnumerable<string> TemplateSources() =>
        Directory.GetFiles(Path.Combine(EmailsDir, "templates"))
            .Concat(Directory.GetFiles(Path.Combine(EmailsDir, "partials")))
            .Append(Path.Combine(EmailsDir, "subjects.json"));

    /// <summary>The literal English words (12+ characters between placeholders) of every text the template uses.</summary>
    private static IEnumerable<string> EnglishFragmentsUsedBy(EmailTemplate template)
    {
        var slug = template.Slug();
        var sources = new[]
        {
            Path.Combine(EmailsDir, "templates", slug + ".mjml"),
            Path.Combine(EmailsDir, "templates", slug + ".txt.hbs"),
            Path.Combine(EmailsDir, "partials", "footer.mjml"),
            Path.Combine(EmailsDir, "subjects.json"),
        };
        var english = Renderer.TextsFor("en-US");
        return sources
            .SelectMany(s => EmailTexts.KeysUsedBy(File.ReadAllText(s)))
            .Distinct(StringComparer.Ordinal)
            .SelectMany(key => Placeholder().Split(Tag().Replace(english[key]!, " ")))
            .Select(f => f.Trim(' ', '.', ',', ':', ';', '(', ')'))
            .Where(f => f.Length >= 12);
    }

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
