using System.Text.RegularExpressions;
using Astropal.Core.Sky;

namespace Astropal.Core.Content;

/// <summary>A generated answer in the shape of the LLM schema: subject, preheader, snippet and 1–5 sections.</summary>
public sealed record GeneratedContent(string Subject, string Preheader, string Snippet, IReadOnlyList<ContentSection> Sections);

/// <summary>
/// Checks generated content before it is used (SPEC §7): lengths and sections, banned claims (medical,
/// legal or financial advice; certain predictions) per locale, and a sky check: a body in a sign, a
/// retrograde or a Moon phase stated in the text must match the computed sky of the day; and no heading or
/// sentence said twice (<see cref="ContentRepetition"/>).
/// </summary>
public static class ContentValidator
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    private static readonly Regex[] EnglishBanned = Compile(
        @"\bguarantee[ds]?\b", @"\bwill (definitely|certainly|surely)\b", @"\bis (certain|bound) to\b", @"\bdiagnos\w*",
        @"\binvest in\b", @"\bbuy (stocks?|shares|crypto\w*|bitcoin)\b", @"\bstop taking\b", @"\bmedication\b", @"\bcures?\b",
        @"\blegal advice\b", @"\bsue\b", @"\bfinancial advice\b");

    private static readonly Regex[] SpanishBanned = Compile(
        @"\bgarantizad[oa]s?\b", @"\bgarantiza\b", @"\bsin duda (ocurrirá|pasará|sucederá|llegará)\b", @"\bdiagn[oó]stic\w*",
        @"\binvierte en\b", @"\bcompra (acciones|criptomonedas|bitcoin)\b", @"\bdeja de tomar\b", @"\bmedicaci[oó]n\b",
        @"\bcura\b", @"\bconsejo (legal|financiero)\b", @"\bdemanda a\b");

    public static IReadOnlyList<string> Validate(GeneratedContent content, DailySky sky, ContentLocale locale)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(sky);
        ArgumentNullException.ThrowIfNull(locale);
        var problems = new List<string>();
        Length(problems, "subject", content.Subject, 10, 60);
        Length(problems, "preheader", content.Preheader, 20, 100);
        Length(problems, "snippet", content.Snippet, 30, 120);
        if (content.Sections is null || content.Sections.Count is < 1 or > 5)
        {
            problems.Add($"sections: 1 to 5 required, got {content.Sections?.Count ?? 0}");
        }
        else if (content.Sections.Any(s => string.IsNullOrWhiteSpace(s.Heading) || string.IsNullOrWhiteSpace(s.Body)))
        {
            problems.Add("sections: every section needs a heading and a body");
        }
        else
        {
            problems.AddRange(ContentRepetition.Find(content.Sections.Select(s => s.Heading), content.Sections.Select(s => s.Body)));
        }

        var text = string.Join("\n", new[] { content.Subject, content.Preheader, content.Snippet }
            .Concat((content.Sections ?? []).SelectMany(s => new[] { s.Heading, s.Body })));
        if (text.Contains("{{", StringComparison.Ordinal) || text.Contains("}}", StringComparison.Ordinal))
        {
            problems.Add("text contains template braces");
        }

        foreach (var banned in locale.IsSpanish ? SpanishBanned : EnglishBanned)
        {
            if (banned.Match(text) is { Success: true } match)
            {
                problems.Add($"banned claim: '{match.Value}'");
            }
        }

        SkyCheck(problems, text, sky, locale);
        return problems;
    }

    private static void SkyCheck(List<string> problems, string text, DailySky sky, ContentLocale locale)
    {
        var preposition = locale.IsSpanish ? @"(?:está\s+|sigue\s+|ahora\s+)?en" : @"(?:is\s+|now\s+|still\s+)?in";
        foreach (var body in Bodies.All)
        {
            var name = Regex.Escape(locale.Body(body));
            var allowed = AllowedSigns(body, sky);
            foreach (var sign in Enum.GetValues<ZodiacSign>())
            {
                var claim = new Regex($@"\b{name}\s+{preposition}\s+{Regex.Escape(locale.Sign(sign))}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
                if (!allowed.Contains(sign) && claim.IsMatch(text))
                {
                    problems.Add($"sky: {body} is not in {sign} on {sky.LocalDate:yyyy-MM-dd} (computed: {string.Join(" or ", allowed)})");
                }
            }

            var retro = locale.IsSpanish
                ? new Regex($@"\b{name}\s+(?:está\s+|sigue\s+)?retr[oó]grad[oa]\b", RegexOptions.IgnoreCase, Timeout)
                : new Regex($@"\b{name}\s+(?:is\s+|turns\s+|stations\s+|still\s+)?retrograde\b|\bretrograde\s+{name}\b", RegexOptions.IgnoreCase, Timeout);
            if (!RetrogradeAllowed(body, sky) && retro.IsMatch(text))
            {
                problems.Add($"sky: {body} is not retrograde on {sky.LocalDate:yyyy-MM-dd}");
            }
        }

        var phaseToday = sky.Noon.Moon.Name;
        var allowedPhases = AllowedPhases(sky);
        foreach (var phase in Enum.GetValues<MoonPhaseName>())
        {
            if (allowedPhases.Contains(phase))
            {
                continue;
            }

            var claim = new Regex($@"\b{Regex.Escape(locale.Phase(phase))}\b", RegexOptions.IgnoreCase, Timeout);
            if (claim.IsMatch(text))
            {
                problems.Add($"sky: the Moon is not {phase} on {sky.LocalDate:yyyy-MM-dd} (computed: {phaseToday})");
            }
        }
    }

    /// <summary>Whether a body may be called retrograde: retrograde at local noon, or stationing during the local day.</summary>
    internal static bool RetrogradeAllowed(Body body, DailySky sky) =>
        sky.Noon[body].IsRetrograde || sky.Stations.Any(s => s.Body == body);

    /// <summary>The phase at local noon, plus the phase that is exact during the local day (if any).</summary>
    internal static HashSet<MoonPhaseName> AllowedPhases(DailySky sky)
    {
        var allowed = new HashSet<MoonPhaseName> { sky.Noon.Moon.Name };
        MoonPhaseName? exact = sky.LunarPhase?.Kind switch
        {
            SkyEventKind.NewMoon => MoonPhaseName.NewMoon,
            SkyEventKind.FirstQuarter => MoonPhaseName.FirstQuarter,
            SkyEventKind.FullMoon => MoonPhaseName.FullMoon,
            SkyEventKind.LastQuarter => MoonPhaseName.LastQuarter,
            _ => null,
        };
        if (exact is { } phase)
        {
            allowed.Add(phase);
        }

        return allowed;
    }

    /// <summary>The body's sign at local noon, plus both sides of any ingress during the local day.</summary>
    internal static HashSet<ZodiacSign> AllowedSigns(Body body, DailySky sky)
    {
        var allowed = new HashSet<ZodiacSign> { sky.Noon[body].Sign };
        foreach (var ingress in sky.Events.Where(e => e.Kind == SkyEventKind.Ingress && e.Body == body))
        {
            allowed.Add(ingress.Sign);
            allowed.Add(ingress.IsRetrograde ? ingress.Sign.Next() : ingress.Sign.Previous());
        }

        return allowed;
    }

    private static void Length(List<string> problems, string field, string? value, int min, int max)
    {
        var length = value?.Length ?? 0;
        if (length < min || length > max)
        {
            problems.Add($"{field}: {min}–{max} characters required, got {length}");
        }
    }

    private static Regex[] Compile(params string[] patterns) =>
        patterns.Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout)).ToArray();
}
