using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Content.News;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Core.Sky;
using Astropal.Tests.TestSupport;
using static Astropal.Tests.Core.Content.ContentTestKit;

namespace Astropal.Tests.Core.Content;

/// <summary>
/// Pins the offline content (daily, evening, weekly, midday news) for fixed readers and dates: every voice, both
/// locales, several signs and tiers. A change of wording or of a composer shows up as a diff of the files under
/// <c>Golden/</c>. To accept a deliberate change, run with <c>ASTROPAL_UPDATE_GOLDEN=1</c> and commit the files.
/// </summary>
public sealed class GoldenContentTests
{
    private static readonly string[] Locales = ["en-US", "es-ES"];
    private static readonly DateOnly[] Dates = [new(2026, 12, 5), new(2026, 12, 9), new(2027, 3, 20)];
    private static readonly Tier[] Tiers = [Tier.Free, Tier.Basic, Tier.Pro];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    // The computed sky and the footer links are not words; VoiceText repeats the other fields.
                    foreach (var property in info.Properties.Where(p => p.PropertyType == typeof(DailySky) || p.PropertyType == typeof(EmailLinks) || p.Name is "VoiceText" or "Template").ToList())
                    {
                        info.Properties.Remove(property);
                    }
                },
            },
        },
    };

    private static readonly IReadOnlyList<NewsHeadline> Headlines =
    [
        new() { FetchedOn = new DateOnly(2026, 12, 5), Category = "science", Title = "Probe reaches Jupiter", Source = "Example", Url = "https://news.test/a" },
        new() { FetchedOn = new DateOnly(2026, 12, 5), Category = "health", Title = "Sleep study follows 10,000 adults", Source = "Example", Url = "https://news.test/b" },
        new() { FetchedOn = new DateOnly(2026, 12, 5), Category = "business", Title = "Markets close higher", Source = "Example", Url = "https://news.test/c" },
        new() { FetchedOn = new DateOnly(2026, 12, 5), Category = "technology", Title = "New chip cuts power use", Source = "Example", Url = "https://news.test/d" },
    ];

    /// <summary>The reader of the reported repetition: born in London on 1990-05-17 at 21:10.</summary>
    private static readonly Lazy<NatalChart> London = new(() =>
        BirthCharts.Compute(new BirthData(new DateOnly(1990, 5, 17), new TimeOnly(21, 10), 51.5074, -0.1278, "Europe/London")).Chart);

    private static IEnumerable<(string Name, DailyContentRequest Request)> Cases()
    {
        var voices = Enum.GetValues<PerspectiveId>();
        for (var v = 0; v < voices.Length; v++)
        {
            foreach (var locale in Locales)
            {
                for (var d = 0; d < Dates.Length; d++)
                {
                    var sign = (v * 3 + d * 4 + (locale == "es-ES" ? 1 : 0)) % 12;
                    var tier = Tiers[(v + d) % Tiers.Length];
                    var withTime = d != 1;
                    var natal = Natal(SunSignBirthDates[sign], withTime ? new TimeOnly(8, 30) : null);
                    var request = Request(voices[v], Dates[d], natal, locale, tier, d == 2 ? null : "Ada", d == 1 ? [FocusAreaId.Relationships] : null) with { Headlines = Headlines };
                    yield return ($"{voices[v]} {locale} {tier} sun-sign#{sign}{(withTime ? "" : " no-time")} {Dates[d]:yyyy-MM-dd}", request);
                }
            }

            yield return ($"{voices[v]} en-US Basic london {Dates[0]:yyyy-MM-dd}", new DailyContentRequest(
                null, London.Value, "Europe/London", "en-US", voices[v], [FocusAreaId.Career, FocusAreaId.Wellness], Tier.Basic, Dates[0], "https://astropal.test/plans"));
        }
    }

    [Fact]
    public void Daily_content_matches_the_golden_file() =>
        Check("daily", Cases().Select(c => (c.Name, (object)Composer.Compose(c.Request))));

    [Fact]
    public void Evening_reflections_match_the_golden_file() =>
        Check("evening", Cases().Select(c => (c.Name, (object)Evening.Write(c.Request, EmailSamples.Links))));

    [Fact]
    public void Weekly_overviews_match_the_golden_file() =>
        Check("weekly", Cases().Where((_, i) => i % 2 == 0).Select(c => (c.Name, (object)Weekly.Write(
            c.Request.Name, c.Request.Locale, c.Request.Perspective, c.Request.TimeZoneId, c.Request.Tier, c.Request.LocalDate, c.Request.PlansUrl, EmailSamples.Links))));

    [Fact]
    public void Midday_digests_match_the_golden_file()
    {
        var midday = new MiddayDigestComposer(new NoNewsHeadlines(), SkyCalculator, Renderer);
        Check("midday", Cases().Where((_, i) => i % 3 == 0).Select(c => (c.Name, (object)midday.Write(
            c.Request.Name, c.Request.Locale, c.Request.Perspective, c.Request.TimeZoneId, c.Request.LocalDate, Headlines, EmailSamples.Links))));
    }

    private static void Check(string kind, IEnumerable<(string Name, object Model)> cases)
    {
        var text = new StringBuilder();
        foreach (var (name, model) in cases)
        {
            text.Append("=== ").Append(name).Append(" ===\n");
            text.Append(JsonSerializer.Serialize(model, model.GetType(), Json).ReplaceLineEndings("\n")).Append('\n');
        }

        var actual = text.ToString();
        var path = Path.Combine(RepositoryRoot.Find(), "Astropal.Tests", "Core", "Content", "Golden", kind + ".txt");
        if (Environment.GetEnvironmentVariable("ASTROPAL_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No golden file {path}: run with ASTROPAL_UPDATE_GOLDEN=1 to write it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected == actual)
        {
            return;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
        Assert.Fail($"{kind}.txt differs from line {line + 1}:\n  expected: {expectedLines.ElementAtOrDefault(line)}\n  actual:   {actualLines.ElementAtOrDefault(line)}\n(ASTROPAL_UPDATE_GOLDEN=1 rewrites the golden files after a deliberate change.)");
    }
}
