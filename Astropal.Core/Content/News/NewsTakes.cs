using System.Globalization;
using System.Text;
using Astropal.Core.Content.Offline;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;

namespace Astropal.Core.Content.News;

/// <summary>
/// Headlines in a reader's voice: the news block of the daily email (knowledge and evidence voices, one
/// headline) and the items of the pro midday digest. Words come from the news phrase library, picked per
/// (date, voice, category) so the same day reads the same and the next day differs.
/// </summary>
public static class NewsTakes
{
    /// <summary>Headlines in the midday digest at most: one per category first, then seconds in category order.</summary>
    public const int MiddayItemCount = 4;

    /// <summary>Whether the daily email of a voice carries a news block (SPEC §7: knowledge and evidence).</summary>
    public static bool InDailyEmail(PerspectiveId perspective) => perspective is PerspectiveId.Knowledge or PerspectiveId.Evidence;

    /// <summary>
    /// The daily email's news block: one headline (knowledge prefers science, then technology; evidence
    /// science, then health), or null for the other voices and when there are no headlines.
    /// </summary>
    public static NewsBlock? DailyBlock(DailyContentRequest request, DailySky sky)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sky);
        if (!InDailyEmail(request.Perspective) || request.Headlines.Count == 0)
        {
            return null;
        }

        string[] preferred = request.Perspective == PerspectiveId.Knowledge ? ["science", "technology"] : ["science", "health"];
        var headline = preferred
            .Select(category => request.Headlines.FirstOrDefault(h => h.Category == category))
            .FirstOrDefault(h => h is not null) ?? request.Headlines[0];
        var locale = ContentLocale.Get(request.Locale);
        var voice = NewsPhrases.Voice(locale, request.Perspective);
        return new NewsBlock(voice.DailyTitle, Items(request.Perspective, locale, request.LocalDate, sky, [headline]));
    }

    /// <summary>The midday digest's items: up to <see cref="MiddayItemCount"/> headlines, spread over the categories.</summary>
    public static IReadOnlyList<NewsItem> Digest(PerspectiveId perspective, ContentLocale locale, DateOnly localDate, DailySky sky, IReadOnlyList<NewsHeadline> headlines)
    {
        ArgumentNullException.ThrowIfNull(headlines);
        var byCategory = headlines.GroupBy(h => h.Category, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        var chosen = new List<NewsHeadline>();
        for (var rank = 0; chosen.Count < MiddayItemCount && byCategory.Any(g => g.Count > rank); rank++)
        {
            chosen.AddRange(byCategory.Where(g => g.Count > rank).Select(g => g[rank]).Take(MiddayItemCount - chosen.Count));
        }

        return Items(perspective, locale, localDate, sky, chosen);
    }

    private static List<NewsItem> Items(PerspectiveId perspective, ContentLocale locale, DateOnly localDate, DailySky sky, List<NewsHeadline> headlines)
    {
        var voice = NewsPhrases.Voice(locale, perspective);
        var used = new HashSet<int>();
        var items = new List<NewsItem>(headlines.Count);
        foreach (var headline in headlines)
        {
            // One slot per category: each category's take moves on every day; two items never share a take.
            var start = OfflineDailyComposer.Pick(localDate, perspective, "news:take:" + headline.Category, 0, voice.Takes.Count);
            var index = Enumerable.Range(0, voice.Takes.Count).Select(k => (start + k) % voice.Takes.Count).FirstOrDefault(i => !used.Contains(i), start);
            used.Add(index);
            var take = Fill(voice.Takes[index], Values(locale, sky, headline.Category, null));
            items.Add(new NewsItem(headline.Title, headline.Source, headline.Url, take));
        }

        return items;
    }

    /// <summary>The values of the news placeholders; <c>{name}</c> only when a name is given.</summary>
    internal static Dictionary<string, string> Values(ContentLocale locale, DailySky sky, string? category, string? name)
    {
        ArgumentNullException.ThrowIfNull(locale);
        ArgumentNullException.ThrowIfNull(sky);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["moonSign"] = locale.Sign(sky.Noon[Sky.Body.Moon].Sign),
            ["phase"] = locale.Phase(sky.Noon.Moon.Name),
        };
        if (category is not null)
        {
            values["topic"] = NewsPhrases.Topic(locale, category);
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            values["name"] = name.Trim();
        }

        return values;
    }

    /// <summary>The template with its placeholders filled and its first letter capitalised.</summary>
    internal static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var text = new StringBuilder(template);
        foreach (var (key, value) in values)
        {
            text.Replace("{" + key + "}", value);
        }

        if (text.Length > 0)
        {
            text[0] = char.ToUpper(text[0], CultureInfo.InvariantCulture);
        }

        return text.ToString();
    }
}
