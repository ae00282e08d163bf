using System.Diagnostics;
using System.Text.RegularExpressions;
using Astropal.Core.Email;
using Astropal.Tests.TestSupport;

namespace Astropal.Tests.Core.Email;

/// <summary>The committed emails/dist matches the MJML sources, and the compiled HTML keeps the client rules.</summary>
public sealed partial class EmailTemplatesAreCompiledTests
{
    private static readonly string Root = RepositoryRoot.Find();
    private static readonly string EmailsDir = Path.Combine(Root, "emails");

    [Fact]
    public async Task Compiled_html_in_emails_dist_is_up_to_date_with_the_mjml_sources()
    {
        Assert.True(
            Directory.Exists(Path.Combine(EmailsDir, "node_modules", "mjml")),
            "emails/node_modules is missing: run `npm ci --prefix emails` before the tests (the test script does).");

        var start = new ProcessStartInfo("node", ["build.js", "--check"])
        {
            WorkingDirectory = EmailsDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token);

        Assert.True(node.ExitCode == 0, $"`node emails/build.js --check` failed (exit {node.ExitCode}):\n{await stderr}\n{await stdout}");
    }

    public static TheoryData<EmailTemplate> AllTemplates() => new(Enum.GetValues<EmailTemplate>());

    [Theory]
    [MemberData(nameof(AllTemplates))]
    public void Compiled_html_is_600_wide_dark_mode_aware_with_alt_texts_and_a_hidden_preheader(EmailTemplate template)
    {
        var html = File.ReadAllText(Path.Combine(EmailsDir, "dist", template.Slug() + ".html"));

        Assert.Contains("max-width:600px", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"color-scheme\" content=\"light dark\">", html, StringComparison.Ordinal);
        Assert.Contains("{{Preheader}}</div>", html, StringComparison.Ordinal);
        Assert.Contains("<title>{{Subject}}</title>", html, StringComparison.Ordinal);
        Assert.Contains("background-color:#0F0D24", html, StringComparison.Ordinal);
        Assert.All(ImageTag().Matches(html), img => Assert.Matches("alt=\"[^\"]+\"", img.Value));
        Assert.DoesNotContain("fonts.googleapis.com", html, StringComparison.Ordinal);
    }

    // Text colour on background colour, as used in the templates (emails/partials/head.mjml).
    public static TheoryData<string, string> ColourPairs() => new()
    {
        { "#F4F1FF", "#1B1838" }, // body text on card
        { "#F4F1FF", "#0F0D24" }, // text on page
        { "#F4F1FF", "#2A2452" }, // upgrade block
        { "#B9B3DB", "#1B1838" }, // muted text on card
        { "#B9B3DB", "#0F0D24" }, // footer small print
        { "#F2B84B", "#1B1838" }, // links on card
        { "#F2B84B", "#0F0D24" }, // links in footer
        { "#0F0D24", "#F2B84B" }, // button label on button
    };

    [Theory]
    [MemberData(nameof(ColourPairs))]
    public void Text_colours_keep_a_contrast_of_at_least_4_5_to_1(string foreground, string background)
    {
        var ratio = Contrast(foreground, background);

        Assert.True(ratio >= 4.5, $"{foreground} on {background}: contrast {ratio:F2} is below 4.5");
        Assert.Contains(foreground, File.ReadAllText(Path.Combine(EmailsDir, "dist", "daily.html")), StringComparison.OrdinalIgnoreCase);
    }

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        static double Channel(string hex, int i)
        {
            var c = Convert.ToInt32(hex.Substring(1 + (i * 2), 2), 16) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(hex, 0)) + (0.7152 * Channel(hex, 1)) + (0.0722 * Channel(hex, 2));
    }

    [GeneratedRegex("<img[^>]*>")]
    private static partial Regex ImageTag();
}
