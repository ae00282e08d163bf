using System.Globalization;
using Astropal.Core.Billing;
using Astropal.Core.Content.News;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Core.Sky;

namespace Astropal.Core.Content.Offline;

/// <summary>
/// Writes the whole daily email from the phrase libraries and the computed sky, with no network.
/// Variants are picked from a seed of (date, perspective, segment): the same day always reads the
/// same, and consecutive days never pick the same variant of a slot.
/// </summary>
public sealed class OfflineDailyComposer(DailySkyCalculator skyCalculator, TransitFinder transitFinder)
{
    public const string ProviderName = "offline";
    public const string ModelName = "phrase-library-v1";

    public DailyContent Compose(DailyContentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var locale = ContentLocale.Get(request.Locale);
        var sky = skyCalculator.Compute(request.LocalDate, request.TimeZoneId, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        // Transits to the day's noon sky, already computed for everyone in the zone. Exact instants only for the
        // transits kept: the ranking does not use them, and each is a root search.
        var all = transitFinder.Find(request.Natal, sky.Noon, exactInstants: false);
        var chosen = transitFinder.WithExactInstants(
            FocusRanking.Select(all, request.FocusAreas, request.Natal, request.Tier == Tier.Free ? 2 : 4), sky.Noon);
        var content = new Writer(WriterInput.Of(request), locale, sky, chosen).Write();
        return NewsTakes.DailyBlock(request, sky) is { } news ? content with { News = news } : content;
    }

    /// <summary>
    /// A shared segment from the phrase libraries (the last resort of the provider chain): for a sign segment the
    /// subject, preheader, snippet, the voice's lead and practice; for a focus segment the area's guidance. No
    /// reader data: no name, no transits, so phrases that need them are passed over.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API of an injected service.")]
    public GeneratedContent ComposeSegment(SegmentKey key, DailySky sky, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(sky);
        cancellationToken.ThrowIfCancellationRequested();
        var locale = ContentLocale.Get(key.Locale);
        var areas = key.FocusArea is { } area ? new[] { area } : [];
        var input = new WriterInput(null, key.Perspective, key.LocalDate, areas, key.Tier, "");
        return new Writer(input, locale, sky, []).WriteSegment(key.FocusArea is null);
    }

    /// <summary>The variant index of a slot: deterministic per (date, perspective, segment), shifting by one each day.</summary>
    /// <remarks>
    /// A slot filled <paramref name="stride"/> times a day (one per transit of a family, one per focus area)
    /// advances by the stride each day, so that consecutive days use disjoint variants when there are enough.
    /// </remarks>
    internal static int Pick(DateOnly date, PerspectiveId perspective, string segment, int offset, int count, int stride = 1)
    {
        var hash = 2166136261u;
        foreach (var c in $"{perspective}|{segment}")
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (int)((((ulong)(uint)date.DayNumber * (ulong)stride) + hash + (ulong)offset) % (ulong)count);
    }

    /// <summary>What the writer needs of a request (a segment has no natal chart and no reader).</summary>
    private sealed record WriterInput(string? Name, PerspectiveId Perspective, DateOnly LocalDate, IReadOnlyList<FocusAreaId> FocusAreas, Tier Tier, string PlansUrl)
    {
        public static WriterInput Of(DailyContentRequest request) =>
            new(request.Name, request.Perspective, request.LocalDate, request.FocusAreas, request.Tier, request.PlansUrl);
    }

    private sealed class Writer(WriterInput request, ContentLocale locale, DailySky sky, IReadOnlyList<Transit> transits)
    {
        // Up to three transits of one family a day take disjoint meanings from one day to the next (six variants).
        private const int MeaningStride = 3;

        private readonly VoiceBook book = PhraseLibrary.Voice(locale, request.Perspective);
        private readonly LocaleBook shared = PhraseLibrary.Shared(locale);
        private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
        private readonly PhrasePicker picker = new(request.LocalDate, request.Perspective, locale.Name);

        public DailyContent Write()
        {
            SetSkyValues();
            if (!string.IsNullOrWhiteSpace(request.Name))
            {
                values["name"] = request.Name.Trim();
            }

            if (transits.Count > 0)
            {
                values["body"] = locale.Body(transits[0].TransitingBody);
                values["orb"] = ContentLocale.Orb(transits[0].Aspect.Orb);
            }

            var familyRank = new Dictionary<TransitFamily, int>();
            var lines = transits.Select(t =>
            {
                var family = PhraseLibrary.FamilyOf(t.Aspect.Type);
                var rank = familyRank.GetValueOrDefault(family);
                familyRank[family] = rank + 1;
                return WriteTransit(t, family, rank);
            }).ToList();
            var areas = request.FocusAreas.Distinct().Take(3).ToList();
            var focus = areas.Select((area, i) => WriteFocus(area, i, areas.Count)).ToList();
            var practice = new Practice(book.PracticeTitle, Slot("practice", book.Practices));
            var lead = Slot("lead", book.Leads);
            var salutation = Slot("greeting", values.ContainsKey("name") ? book.GreetingsNamed : book.GreetingsAnonymous);
            var greeting = salutation + " " + lead;
            var transitBody = lines.Count > 0
                ? string.Join(" ", lines.Select(l => l.Meaning))
                : Slot("no-transits", book.NoTransits);
            var sections = new List<ContentSection>
            {
                new(book.Sections[0], lead),
                new(book.Sections[1], transitBody),
            };
            if (focus.Count > 0)
            {
                sections.Add(new(book.Sections[2], string.Join(" ", focus.Select(f => f.Text))));
            }

            sections.Add(new(book.Sections[3], practice.Text));
            var upgrade = request.Tier == Tier.Free
                ? new UpgradeBlock(shared.UpgradeHeadline, shared.UpgradeText, shared.UpgradeButton, request.PlansUrl)
                : null;

            return new DailyContent(
                OfflineDailyComposer.ProviderName,
                OfflineDailyComposer.ModelName,
                0,
                0,
                Fit("subject", book.Subjects, 10, 60),
                Fit("preheader", book.Preheaders, 20, 100),
                Capitalize(locale.DateLabel(request.LocalDate)),
                locale.Perspective(request.Perspective),
                greeting,
                sections,
                TodaysSky.Rows(locale, shared, sky),
                lines,
                focus,
                practice,
                Fit("snippet", book.Snippets, 30, 120),
                upgrade,
                sky)
            {
                Salutation = salutation,
            };
        }

        public GeneratedContent WriteSegment(bool signSegment)
        {
            SetSkyValues();
            var sections = signSegment
                ? new List<ContentSection> { new(book.Sections[0], Slot("lead", book.Leads)), new(book.PracticeTitle, Slot("practice", book.Practices)) }
                : request.FocusAreas.Select(area => new ContentSection(locale.FocusArea(area), WriteFocus(area, (int)area, 1).Text)).ToList();
            return new GeneratedContent(
                Fit("subject", book.Subjects, 10, 60),
                Fit("preheader", book.Preheaders, 20, 100),
                Fit("snippet", book.Snippets, 30, 120),
                sections);
        }

        private void SetSkyValues()
        {
            var moon = sky.Noon[Body.Moon];
            values["moonSign"] = locale.Sign(moon.Sign);
            values["phase"] = locale.Phase(sky.Noon.Moon.Name);
            values["illum"] = locale.Percent(sky.Noon.Moon.IlluminatedFraction);
            values["retroCount"] = sky.Retrogrades.Count.ToString(CultureInfo.InvariantCulture);
        }

        private TransitLine WriteTransit(Transit transit, TransitFamily family, int rankInFamily)
        {
            var local = new Dictionary<string, string>(values, StringComparer.Ordinal)
            {
                ["body"] = locale.Body(transit.TransitingBody),
                ["point"] = locale.Point(transit.NatalPoint),
                ["orb"] = ContentLocale.Orb(transit.Aspect.Orb),
                ["myth"] = shared.Myths[transit.TransitingBody],
            };
            var segment = $"transit:{family}";
            var meaning = Slot(segment + ":meaning", book.TransitMeanings[family], rankInFamily, local, MeaningStride);
            var aspect = locale.IsSpanish
                ? $"{locale.Body(transit.TransitingBody)} {locale.Aspect(transit.Aspect.Type)} tu {locale.Point(transit.NatalPoint)} natal"
                : $"{locale.Body(transit.TransitingBody)} {locale.Aspect(transit.Aspect.Type)} natal {locale.Point(transit.NatalPoint)}";

            // A title another transit of the email already has is passed over; when every title is taken, the aspect
            // itself heads the transit (no two transits share a body and a natal point).
            var title = picker.Heading($"{segment}:title:{transit.TransitingBody}:{transit.NatalPoint}:{transit.Aspect.Type}", book.TransitTitles[family], local) ?? aspect;
            var exact = transit.Aspect.ExactUtc is { } utc ? locale.DayAndTime(sky.ToLocal(utc)) : shared.NoExactTime;
            return new TransitLine(title, aspect, ContentLocale.Orb(transit.Aspect.Orb), exact, meaning);
        }

        private FocusGuidance WriteFocus(FocusAreaId area, int index, int areaCount)
        {
            var body = FocusRanking.LeadBody(area);
            var local = new Dictionary<string, string>(values, StringComparer.Ordinal)
            {
                ["theme"] = shared.Themes[area],
                ["planet"] = body.IsLuminary() ? (locale.IsSpanish ? (body == Body.Moon ? "la " : "el ") : "the ") + locale.Body(body) : locale.Body(body),
                ["planetSign"] = locale.Sign(sky.Noon[body].Sign),
            };
            return new FocusGuidance(locale.FocusArea(area), Slot("focus", book.FocusGuidance, index, local, areaCount));
        }

        private string Slot(string segment, IReadOnlyList<string> variants, int offset = 0, IReadOnlyDictionary<string, string>? with = null, int stride = 1) =>
            picker.Slot(segment, variants, with ?? values, offset, stride);

        private string Fit(string segment, IReadOnlyList<string> variants, int min, int max) =>
            picker.Fit(segment, variants, values, min, max);

        private static string Capitalize(string text) => PhraseTemplate.Capitalize(text);
    }
}
