using System.Net;
using System.Text.RegularExpressions;
using Astropal.Core.Branding;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace Astropal.Tests.Core.Email;

public sealed class EmailTemplateRendererTests
{
    private static readonly BrandOptions Brand = EmailSamples.Brand;

    private static readonly EmailTemplateRenderer Renderer = new(Options.Create(Brand));

    public static TheoryData<EmailTemplate> AllTemplates() => new(Enum.GetValues<EmailTemplate>());

    [Theory]
    [MemberData(nameof(AllTemplates))]
    public void Every_template_renders_with_no_placeholder_left(EmailTemplate template)
    {
        var email = Renderer.Render(EmailSamples.For(template));

        Assert.Equal(template, email.Template);
        foreach (var part in new[] { email.Subject, email.Preheader, email.Html, email.Text })
        {
            Assert.DoesNotContain("{{", part, StringComparison.Ordinal);
            Assert.DoesNotContain("}}", part, StringComparison.Ordinal);
        }

        Assert.InRange(email.Subject.Length, 10, 90);
        Assert.InRange(email.Preheader.Length, 20, 120);
        Assert.DoesNotContain('\n', email.Subject);
    }

    [Theory]
    [MemberData(nameof(AllTemplates))]
    public void Every_template_carries_the_brand_and_the_legal_footer_in_both_parts(EmailTemplate template)
    {
        var email = Renderer.Render(EmailSamples.For(template));
        var html = WebUtility.HtmlDecode(email.Html);

        foreach (var part in new[] { html, email.Text })
        {
            Assert.Contains("Starling", part, StringComparison.Ordinal);
            Assert.Contains("Starling, 9 Comet Road, Leeds LS1 1AA", part, StringComparison.Ordinal);
            Assert.Contains("for entertainment and self-reflection", part, StringComparison.Ordinal);
            Assert.Contains("You get this email because", part, StringComparison.Ordinal);
        }

        Assert.Contains("src=\"https://starling.test/brand/logo.png\"", email.Html, StringComparison.Ordinal);
        Assert.Contains("alt=\"Starling\"", email.Html, StringComparison.Ordinal);
        Assert.Contains(email.Preheader, html, StringComparison.Ordinal);
        Assert.Contains($"<title>{email.Subject}</title>", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllTemplates))]
    public void Reader_emails_have_the_switch_preference_unsubscribe_and_privacy_links(EmailTemplate template)
    {
        var model = EmailSamples.For(template);
        var email = Renderer.Render(model);
        var html = WebUtility.HtmlDecode(email.Html);

        if (model.Links is null)
        {
            Assert.DoesNotContain("/u/tok123", html, StringComparison.Ordinal);
            Assert.Contains("https://starling.test/privacy", html, StringComparison.Ordinal);
            Assert.Contains("https://starling.test/privacy", email.Text, StringComparison.Ordinal);
            return;
        }

        string[] links =
        [
            model.Links.PreferencesUrl, model.Links.UnsubscribeUrl, model.Links.PrivacyUrl,
            model.Links.PerspectiveUrls.Calm, model.Links.PerspectiveUrls.Knowledge,
            model.Links.PerspectiveUrls.Success, model.Links.PerspectiveUrls.Evidence,
        ];
        foreach (var link in links)
        {
            Assert.Contains($"href=\"{link}\"", html, StringComparison.Ordinal);
            Assert.Contains(link, email.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_footer_names_each_perspective_next_to_its_one_click_link()
    {
        var links = EmailSamples.Links with { PerspectiveUrls = PerspectiveLinks.Create(p => $"https://starling.test/p/{p.Slug}?t=abc") };
        var email = Renderer.Render(EmailSamples.Daily() with { Links = links });
        var html = WebUtility.HtmlDecode(email.Html);

        foreach (var perspective in Perspective.All)
        {
            Assert.Contains($"{perspective.Name}: https://starling.test/p/{perspective.Slug}?t=abc", email.Text, StringComparison.Ordinal);
            Assert.Matches($"href=\"https://starling.test/p/{perspective.Slug}\\?t=abc\"[^>]*>.*?{Regex.Escape(perspective.Name)}</a>", html);
            Assert.Contains(perspective.Color, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Values_are_html_escaped_in_the_html_part_and_verbatim_in_the_text_part()
    {
        var email = Renderer.Render(EmailSamples.For(EmailTemplate.Daily, name: "Ada <script>alert(1)</script>"));

        Assert.Contains("Ada &lt;script&gt;alert(1)&lt;/script&gt;", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.Contains("Good morning, Ada <script>alert(1)</script>.", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Apostrophes_are_escaped_in_the_html_part_so_a_value_cannot_leave_a_single_quoted_attribute()
    {
        var email = Renderer.Render(EmailSamples.For(EmailTemplate.Daily, name: "O'Hara' onmouseover='alert(1)"));

        Assert.Contains("O&#39;Hara&#39; onmouseover", email.Html, StringComparison.Ordinal);
        var greeting = email.Html.Split("Good morning", StringSplitOptions.None)[1].Split("</div>", StringSplitOptions.None)[0];
        Assert.DoesNotContain("'", greeting, StringComparison.Ordinal);
        Assert.Contains("O'Hara", WebUtility.HtmlDecode(email.Html), StringComparison.Ordinal);
        Assert.Contains("O'Hara' onmouseover='alert(1)", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_strings_in_links_are_attribute_safe()
    {
        var email = Renderer.Render(EmailSamples.Daily());

        Assert.DoesNotContain("x=1&y=2", email.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://news.test/a?x=1&y=2\"", WebUtility.HtmlDecode(email.Html), StringComparison.Ordinal);
        Assert.Contains("https://news.test/a?x=1&y=2", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Degrees_primes_and_emoji_survive_html_escaping()
    {
        var model = EmailSamples.Daily() with { Snippet = "Moon at 14°02′ Gemini 🌙 — log it" };
        var email = Renderer.Render(model);

        Assert.Contains("Moon at 14°02′ Gemini 🌙 — log it", WebUtility.HtmlDecode(email.Html), StringComparison.Ordinal);
        Assert.Contains("Moon at 14°02′ Gemini 🌙 — log it", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_daily_email_shows_every_section_and_the_work_behind_each_transit()
    {
        var model = EmailSamples.Daily();
        var email = Renderer.Render(model);
        var html = WebUtility.HtmlDecode(email.Html);

        Assert.Equal(model.Subject, email.Subject);
        Assert.Equal(model.Preheader, email.Preheader);
        foreach (var part in new[] { html, email.Text })
        {
            Assert.Contains(model.Greeting, part, StringComparison.Ordinal);
            Assert.Contains("Today's sky", part, StringComparison.OrdinalIgnoreCase);
            foreach (var fact in model.SkyFacts)
            {
                Assert.Contains(fact.Detail, part, StringComparison.Ordinal);
            }

            foreach (var transit in model.Transits)
            {
                Assert.Contains($"{transit.Aspect} · orb {transit.Orb} · exact {transit.ExactAt}", part, StringComparison.Ordinal);
                Assert.Contains(transit.Meaning, part, StringComparison.Ordinal);
            }

            foreach (var guidance in model.FocusGuidance)
            {
                Assert.Contains(guidance.Text, part, StringComparison.Ordinal);
            }

            Assert.Contains(model.Practice.Text, part, StringComparison.Ordinal);
            Assert.Contains(model.Snippet, part, StringComparison.Ordinal);
            Assert.Contains(model.Upgrade!.Headline, part, StringComparison.Ordinal);
            Assert.Contains(model.News!.Items[0].Take, part, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Optional_upgrade_and_news_blocks_are_left_out_when_absent()
    {
        var model = EmailSamples.Daily(withOptional: false);
        var email = Renderer.Render(model);

        Assert.DoesNotContain("See the plans", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("In the news", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("See the plans", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("In the news", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_without_a_placeholder_value_is_an_error_not_an_empty_gap()
    {
        var incomplete = new { Subject = "Hello there, reader", Preheader = "A preheader long enough to pass", Greeting = "Hi" };

        var error = Assert.Throws<EmailTemplateException>(() => Renderer.Render(EmailTemplate.Daily, incomplete));
        Assert.Contains("'daily'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_from_many_threads_gives_the_same_email()
    {
        var expected = Renderer.Render(EmailSamples.Daily());
        var results = new RenderedEmail[64];

        Parallel.For(0, results.Length, i => results[i] = Renderer.Render(EmailSamples.Daily()));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void A_fresh_renderer_hit_from_many_threads_at_once_renders_every_template_correctly()
    {
        var fresh = new EmailTemplateRenderer(Options.Create(Brand));
        var templates = Enum.GetValues<EmailTemplate>();
        var results = new RenderedEmail[templates.Length * 6];

        Parallel.For(0, results.Length, i => results[i] = fresh.Render(EmailSamples.For(templates[i % templates.Length])));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(Renderer.Render(EmailSamples.For(templates[i % templates.Length])), results[i]);
        }
    }

    [Fact]
    public void The_text_part_is_plain_text()
    {
        var email = Renderer.Render(EmailSamples.Daily());

        Assert.DoesNotContain("<td", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", email.Text, StringComparison.Ordinal);
        Assert.StartsWith("Thursday 26 November", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_directory_overrides_the_built_in_templates_file_by_file()
    {
        var dir = Directory.CreateTempSubdirectory("brand-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "templates"));
            File.WriteAllText(Path.Combine(dir, "templates", "confirm.txt.hbs"), "Confirm with {{Brand.Name}}: {{ConfirmUrl}}");
            var renderer = new EmailTemplateRenderer(Options.Create(Brand), Options.Create(new EmailOptions { TemplateDirectory = dir }));

            var email = renderer.Render(EmailSamples.For(EmailTemplate.Confirm));

            Assert.Equal("Confirm with Starling: https://astropal.test/confirm/abc", email.Text);
            Assert.Contains("Confirm my subscription", email.Html, StringComparison.Ordinal);
            Assert.Equal("Confirm your Starling subscription", email.Subject);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Transactional_subjects_come_from_the_brand_and_the_model()
    {
        var confirm = Renderer.Render(EmailSamples.For(EmailTemplate.Confirm));
        var trial = Renderer.Render(EmailSamples.For(EmailTemplate.TrialEnding));

        Assert.Equal("Confirm your Starling subscription", confirm.Subject);
        Assert.Equal("Your Starling trial ends on Saturday", trial.Subject);
        Assert.Contains("href=\"https://astropal.test/confirm/abc\"", confirm.Html, StringComparison.Ordinal);
    }
}
