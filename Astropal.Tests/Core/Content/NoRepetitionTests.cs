using System.Diagnostics;
using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Readers;
using Astropal.Core.Sky;
using Astropal.Tests.TestSupport;
using static Astropal.Tests.Core.Content.ContentTestKit;

namespace Astropal.Tests.Core.Content;

/// <summary>No email says a heading or a sentence twice: 12 signs × 30 days × every voice × both locales.</summary>
public sealed class NoRepetitionTests
{
    private const int Days = 30;
    private static readonly string[] Locales = ["en-US", "es-ES"];
    private static readonly Lazy<IReadOnlyList<NatalChart>> Charts = new(() => SunSignBirthDates.Select((d, i) => Natal(d, i % 3 == 0 ? null : new TimeOnly(21, 10))).ToList());

    [Fact]
    public void The_daily_email_never_repeats_a_heading_or_a_sentence() =>
        Check("daily", request => ContentRepetition.Find(Composer.Compose(request)));

    [Fact]
    public void The_evening_reflection_never_repeats_a_sentence() =>
        Check("evening", request => ContentRepetition.Find(Evening.Write(request, EmailSamples.Links)));

    [Fact]
    public void The_weekly_overview_never_repeats_a_heading_or_a_sentence()
    {
        var problems = new List<string>();
        foreach (var locale in Locales)
        {
            foreach (var perspective in Enum.GetValues<PerspectiveId>())
            {
                for (var day = 0; day < Days * 2; day += 7)
                {
                    var date = Start.AddDays(day);
                    var model = Weekly.Write(day % 2 == 0 ? "Ada" : null, locale, perspective, "Europe/Madrid", Tier.Free, date, "https://astropal.test/plans", EmailSamples.Links);
                    problems.AddRange(ContentRepetition.Find(model).Select(p => $"{perspective} {locale} week of {date}: {p}"));
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)) + $"\n({problems.Count} in all)");
    }

    [Fact]
    public void Today_s_sky_has_one_row_per_body()
    {
        var labels = Charts.Value.Take(1).SelectMany(natal => Enumerable.Range(0, Days).SelectMany(day => Locales.Select(locale =>
            Composer.Compose(Request(PerspectiveId.Calm, Start.AddDays(day), natal, locale)).SkyFacts.Select(f => f.Label).ToList())));
        Assert.All(labels, l => Assert.Equal(l.Distinct().Count(), l.Count));
    }

    private static void Check(string kind, Func<DailyContentRequest, IReadOnlyList<string>> find)
    {
        var clock = Stopwatch.StartNew();
        var problems = new List<string>();
        for (var sign = 0; sign < Charts.Value.Count; sign++)
        {
            for (var day = 0; day < Days; day++)
            {
                foreach (var locale in Locales)
                {
                    foreach (var perspective in Enum.GetValues<PerspectiveId>())
                    {
                        var tier = (Tier)((sign + day) % 4);
                        var request = Request(perspective, Start.AddDays(day), Charts.Value[sign], locale, tier, day % 2 == 0 ? "Ada" : null, (sign % 3) switch
                        {
                            0 => [FocusAreaId.Career, FocusAreaId.Wellness, FocusAreaId.Relationships],
                            1 => [FocusAreaId.Social],
                            _ => [FocusAreaId.Spiritual, FocusAreaId.EvidenceBased],
                        });
                        problems.AddRange(find(request).Select(p => $"{kind} {perspective} {locale} {tier} sign#{sign} {request.LocalDate}: {p}"));
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)) + $"\n({problems.Count} in all, {clock.Elapsed.TotalSeconds:F1} s)");
    }
}
