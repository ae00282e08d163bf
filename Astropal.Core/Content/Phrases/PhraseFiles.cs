using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Astropal.Core.Readers;

namespace Astropal.Core.Content.Phrases;

/// <summary>
/// One phrase file (<c>Content/Phrases/{locale}/{kind}.json</c>): the words every voice of the locale shares, and
/// each voice's library, by the voice's camel-case name (<c>calm</c>, <c>knowledge</c>, <c>success</c>, <c>evidence</c>).
/// </summary>
internal sealed record PhraseFile<TShared, TVoice>(TShared Shared, IReadOnlyDictionary<PerspectiveId, TVoice> Voices)
    where TShared : class
    where TVoice : class;

/// <summary>
/// Reads the phrase files embedded in Astropal.Core, once per locale and kind. Every property is named in the
/// file and required; an unknown or missing property, or a missing voice, fails the load with the file's name.
/// </summary>
internal static class PhraseFiles
{
    public const string Daily = "daily";
    public const string Evening = "evening";
    public const string Weekly = "weekly";
    public const string News = "news";

    /// <summary>The kinds of phrase file each locale has.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [Daily, Evening, Weekly, News];

    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly ConcurrentDictionary<(string Locale, string Kind, Type Type), object> Cache = new();

    /// <summary>The name of the embedded file, e.g. <c>Astropal.Core.Content.Phrases.en-US.daily.json</c>.</summary>
    public static string ResourceName(string locale, string kind) => $"Astropal.Core.Content.Phrases.{locale}.{kind}.json";

    /// <summary>The file's text as shipped, for the schema test.</summary>
    public static string ReadText(string locale, string kind)
    {
        using var stream = typeof(PhraseFiles).Assembly.GetManifestResourceStream(ResourceName(locale, kind))
            ?? throw new InvalidOperationException($"The phrase file {locale}/{kind}.json is not embedded in Astropal.Core.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static PhraseFile<TShared, TVoice> Load<TShared, TVoice>(ContentLocale locale, string kind)
        where TShared : class
        where TVoice : class
    {
        ArgumentNullException.ThrowIfNull(locale);
        return (PhraseFile<TShared, TVoice>)Cache.GetOrAdd((locale.Name, kind, typeof(PhraseFile<TShared, TVoice>)), key => Parse<TShared, TVoice>(key.Locale, key.Kind));
    }

    private static PhraseFile<TShared, TVoice> Parse<TShared, TVoice>(string locale, string kind)
        where TShared : class
        where TVoice : class
    {
        PhraseFile<TShared, TVoice>? file;
        try
        {
            file = JsonSerializer.Deserialize<PhraseFile<TShared, TVoice>>(ReadText(locale, kind), Options);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The phrase file {locale}/{kind}.json cannot be read: {e.Message}", e);
        }

        if (file is null)
        {
            throw new InvalidOperationException($"The phrase file {locale}/{kind}.json is empty.");
        }

        var missing = Enum.GetValues<PerspectiveId>().Where(p => !file.Voices.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The phrase file {locale}/{kind}.json has no voice {string.Join(", ", missing)}.");
        }

        return file;
    }
}
