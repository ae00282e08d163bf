using System.Text.Json;
using System.Text.RegularExpressions;
using Astropal.Core.Content;
using Astropal.Core.Content.Evening;
using Astropal.Core.Content.News;
using Astropal.Core.Content.Offline;
using Astropal.Core.Content.Phrases;
using Astropal.Core.Content.Weekly;
using Astropal.Core.Readers;

namespace Astropal.Tests.Core.Content;

/// <summary>
/// The phrase files an editor changes (<c>Astropal.Core/Content/Phrases/{locale}/{kind}.json</c>): every locale has
/// every kind with every voice and the same keys; each slot has enough variants for the composer's rotation; only
/// the placeholders the C# fills; subjects and preheaders keep their lengths. Failures name the file and the key.
/// </summary>
public sealed partial class PhraseFileSchemaTests
{
    private static readonly string[] Locales = ["en-US", "es-ES"];

    /// <summary>Placeholders the composers fill in the voices' slots, per kind.</summary>
    private static readonly Dictionary<string, HashSet<string>> VoicePlaceholders = new()
    {
        [PhraseFiles.Daily] = ["name", "moonSign", "phase", "illum", "retroCount", "body", "orb", "point", "myth", "theme", "planet", "planetSign"],
        [PhraseFiles.Evening] = ["name", "moonSign", "phase", "illum", "retroCount", "fromSign", "toSign", "moonTime", "aspect", "body", "theBody", "ofBody", "orb", "theme"],
        [PhraseFiles.Weekly] = ["name", "moonFirst", "moonLast", "retroCount", "keyEvent", "keyShort", "eventCount", "weekday", "moonSign", "phase", "sign", "body", "ofBody", "motion"],
        [PhraseFiles.News] = ["topic", "moonSign", "phase", "name"],
    };

    /// <summary>Placeholders of the shared texts, per kind and key (a key not listed takes none).</summary>
    private static readonly Dictionary<string, Dictionary<string, HashSet<string>>> SharedPlaceholders = new()
    {
        [PhraseFiles.Daily] = new()
        {
            ["moonDetail"] = ["phase", "moonSign", "illum"],
            ["enters"] = ["sign", "time"],
            ["entersRetrograde"] = ["sign", "time"],
            ["stationsRetrograde"] = ["lon", "time"],
            ["stationsDirect"] = ["lon", "time"],
            ["phaseExact"] = ["phase", "time"],
            ["exactAt"] = ["first", "aspect", "second", "time"],
        },
        [PhraseFiles.Evening] = new() { ["alsoToday"] = ["events"], ["tomorrow"] = ["events"], ["tomorrowQuiet"] = ["sign", "illum"] },
        [PhraseFiles.Weekly] = new() { ["moonIn"] = ["sign"], ["moonStillIn"] = ["sign"], ["onDay"] = ["event", "weekday"] },
        [PhraseFiles.News] = [],
    };

    /// <summary>Typical values, to measure a subject or preheader once filled.</summary>
    private static readonly Dictionary<string, string> Sample = new()
    {
        ["name"] = "Alexandra", ["moonSign"] = "Capricorn", ["phase"] = "waxing crescent", ["illum"] = "45%", ["retroCount"] = "2",
        ["body"] = "Mercury", ["keyShort"] = "Full Moon in Gemini", ["keyEvent"] = "Full Moon in Gemini on Thursday",
        ["moonFirst"] = "Taurus", ["moonLast"] = "Libra", ["eventCount"] = "3", ["orb"] = "1°02′", ["point"] = "Ascendant",
    };

    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (var locale in Locales)
        {
            foreach (var kind in PhraseFiles.Kinds)
            {
                data.Add(locale, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_file_loads_into_its_typed_records_with_every_voice(string localeName, string kind)
    {
        var locale = ContentLocale.Get(localeName);
        foreach (var perspective in Enum.GetValues<PerspectiveId>())
        {
            object voice = kind switch
            {
                PhraseFiles.Daily => PhraseLibrary.Voice(locale, perspective),
                PhraseFiles.Evening => EveningPhrases.Voice(locale, perspective),
                PhraseFiles.Weekly => WeeklyPhrases.Voice(locale, perspective),
                _ => NewsPhrases.Voice(locale, perspective),
            };
            Assert.NotNull(voice);
        }

        using var file = JsonDocument.Parse(PhraseFiles.ReadText(localeName, kind));
        var voices = file.RootElement.GetProperty("voices").EnumerateObject().Select(v => v.Name).ToList();
        Assert.Equal(Enum.GetValues<PerspectiveId>().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.ToString())), voices);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_locale_and_voice_has_the_same_keys(string locale, string kind)
    {
        using var reference = JsonDocument.Parse(PhraseFiles.ReadText("en-US", kind));
        var expected = Keys(reference.RootElement.GetProperty("voices").GetProperty("calm"), "").ToList();
        using var file = JsonDocument.Parse(PhraseFiles.ReadText(locale, kind));
        Assert.Equal(Keys(reference.RootElement.GetProperty("shared"), "shared"), Keys(file.RootElement.GetProperty("shared"), "shared"));
        foreach (var voice in file.RootElement.GetProperty("voices").EnumerateObject())
        {
            var keys = Keys(voice.Value, "").ToList();
            Assert.True(expected.SequenceEqual(keys), $"{locale}/{kind}.json voices.{voice.Name}: keys differ from en-US calm: missing [{string.Join(", ", expected.Except(keys))}], extra [{string.Join(", ", keys.Except(expected))}]");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_slot_has_enough_variants_for_its_rotation(string locale, string kind)
    {
        var problems = new List<string>();
        using var file = JsonDocument.Parse(PhraseFiles.ReadText(locale, kind));
        foreach (var voice in file.RootElement.GetProperty("voices").EnumerateObject())
        {
            foreach (var (path, list) in Lists(voice.Value, $"voices.{voice.Name}"))
            {
                var slot = path[(path.IndexOf('.', "voices.".Length) + 1)..];
                var (min, why) = Rotation(kind, slot);
                if (list.GetArrayLength() < min)
                {
                    problems.Add($"{locale}/{kind}.json {path}: {list.GetArrayLength()} variants, at least {min} needed ({why})");
                }

                // The weekly overview is picked by its Sunday: a slot of 7 (or 1) variants would read the same every week.
                if (kind == PhraseFiles.Weekly && slot != "dayDetails.moon" && 7 % list.GetArrayLength() == 0)
                {
                    problems.Add($"{locale}/{kind}.json {path}: {list.GetArrayLength()} variants divide 7, so every week would pick the same one");
                }

                var texts = list.EnumerateArray().Select(e => e.GetString()).ToList();
                if (texts.Distinct().Count() != texts.Count)
                {
                    problems.Add($"{locale}/{kind}.json {path}: a variant is listed twice");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Only_known_placeholders_are_used(string locale, string kind)
    {
        var problems = new List<string>();
        using var file = JsonDocument.Parse(PhraseFiles.ReadText(locale, kind));
        foreach (var (path, text) in Strings(file.RootElement, ""))
        {
            var allowed = path.StartsWith("voices.", StringComparison.Ordinal)
                ? VoicePlaceholders[kind]
                : SharedPlaceholders[kind].GetValueOrDefault(path["shared.".Length..], []);
            var names = Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToList();
            foreach (var unknown in names.Where(n => !allowed.Contains(n)).Distinct())
            {
                problems.Add($"{locale}/{kind}.json {path}: unknown placeholder {{{unknown}}} in \"{text}\" (known here: {string.Join(", ", allowed.Order().Select(a => "{" + a + "}"))})");
            }

            if (text.Count(c => c == '{') != names.Count || text.Count(c => c == '}') != names.Count)
            {
                problems.Add($"{locale}/{kind}.json {path}: a brace that is not a placeholder in \"{text}\"");
            }

            if (path.Contains(".greetingsNamed[", StringComparison.Ordinal) || path.Contains(".middayGreetingsNamed[", StringComparison.Ordinal))
            {
                Check(names.Contains("name"), "a named greeting without {name}");
            }
            else if (names.Contains("name") && (path.Contains("Anonymous[", StringComparison.Ordinal) || !path.Contains("reetings", StringComparison.Ordinal)))
            {
                problems.Add($"{locale}/{kind}.json {path}: {{name}} outside a named greeting (a reader without a name would lose the variant)");
            }

            void Check(bool ok, string what)
            {
                if (!ok)
                {
                    problems.Add($"{locale}/{kind}.json {path}: {what}: \"{text}\"");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Subjects_and_preheaders_keep_their_lengths(string locale, string kind)
    {
        var problems = new List<string>();
        using var file = JsonDocument.Parse(PhraseFiles.ReadText(locale, kind));
        foreach (var (path, text) in Strings(file.RootElement.GetProperty("voices"), "voices"))
        {
            var slot = path.Contains('[', StringComparison.Ordinal) ? path[..path.LastIndexOf('[')] : path;
            (int Min, int Max)? range = slot.EndsWith("ubjects", StringComparison.Ordinal) ? (10, 60)
                : slot.EndsWith("reheaders", StringComparison.Ordinal) ? (20, 100)
                : null;
            if (range is not { } r)
            {
                continue;
            }

            var filled = Placeholder().Replace(text, m => Sample.GetValueOrDefault(m.Groups[1].Value, "Sagittarius"));
            if (filled.Length < r.Min || filled.Length > r.Max)
            {
                problems.Add($"{locale}/{kind}.json {path}: {filled.Length} characters once filled (\"{filled}\"), {r.Min}–{r.Max} allowed");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The fewest variants a voice's slot needs, and why (the rotation it serves).</summary>
    private static (int Min, string Why) Rotation(string kind, string slot) => (kind, slot) switch
    {
        (PhraseFiles.Daily, _) when slot.StartsWith("transitMeanings.", StringComparison.Ordinal) =>
            (6, "up to three transits of a family a day, disjoint from one day to the next"),
        (PhraseFiles.Daily, _) when slot.StartsWith("transitTitles.", StringComparison.Ordinal) =>
            (3, "several transits of a family in one email each take their own title"),
        (PhraseFiles.Daily, "focusGuidance") => (6, "up to three focus areas a day, disjoint from one day to the next"),
        (PhraseFiles.Evening, "questions") => (EveningReflectionComposer.QuestionCount + 1, "three different questions, and a different set the next day"),
        (PhraseFiles.Weekly, "dayDetails.moon") => (7, "seven quiet days of one week never share a sentence"),
        (PhraseFiles.Weekly, _) when slot.StartsWith("dayDetails.", StringComparison.Ordinal) => (3, "days of one kind in a week take consecutive variants"),
        (PhraseFiles.News, "takes") => (NewsTakes.MiddayItemCount + 2, "the four items of a digest never share a take, and each moves on the next day"),
        _ => (2, "the next day picks another variant"),
    };

    private static IEnumerable<string> Keys(JsonElement element, string path) => element.ValueKind == JsonValueKind.Object
        ? element.EnumerateObject().SelectMany(p => new[] { Join(path, p.Name) }.Concat(p.Value.ValueKind == JsonValueKind.Object ? Keys(p.Value, Join(path, p.Name)) : []))
        : [];

    private static IEnumerable<(string Path, JsonElement List)> Lists(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.Array => [(path, element)],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Lists(p.Value, Join(path, p.Name))),
        _ => [],
    };

    private static IEnumerable<(string Path, string Text)> Strings(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.String => [(path, element.GetString()!)],
        JsonValueKind.Array => element.EnumerateArray().SelectMany((e, i) => Strings(e, $"{path}[{i}]")),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value, Join(path, p.Name))),
        _ => [],
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
