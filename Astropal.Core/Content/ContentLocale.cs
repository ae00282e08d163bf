using System.Globalization;
using Astropal.Core.Readers;
using Astropal.Core.Sky;

namespace Astropal.Core.Content;

/// <summary>Words and number formats of one supported locale (<c>en-US</c>, <c>es-ES</c>).</summary>
public sealed class ContentLocale
{
    public static readonly ContentLocale English = new(
        "en-US",
        ["Sun", "Moon", "Mercury", "Venus", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune", "Pluto", "Ascendant", "Midheaven"],
        ["Aries", "Taurus", "Gemini", "Cancer", "Leo", "Virgo", "Libra", "Scorpio", "Sagittarius", "Capricorn", "Aquarius", "Pisces"],
        ["new Moon", "waxing crescent", "first quarter", "waxing gibbous", "full Moon", "waning gibbous", "last quarter", "waning crescent"],
        ["Relationships & Love", "Career & Business", "Mental Wellness", "Social & Communication", "Spiritual Growth", "Evidence-Based Astrology"],
        ["Calm & Centered", "Cosmic Knowledge", "Success & Achievement", "Evidence-Based"]);

    public static readonly ContentLocale Spanish = new(
        "es-ES",
        ["Sol", "Luna", "Mercurio", "Venus", "Marte", "Júpiter", "Saturno", "Urano", "Neptuno", "Plutón", "Ascendente", "Medio Cielo"],
        ["Aries", "Tauro", "Géminis", "Cáncer", "Leo", "Virgo", "Libra", "Escorpio", "Sagitario", "Capricornio", "Acuario", "Piscis"],
        ["Luna nueva", "Luna creciente", "cuarto creciente", "gibosa creciente", "Luna llena", "gibosa menguante", "cuarto menguante", "Luna menguante"],
        ["Relaciones y amor", "Carrera y negocios", "Bienestar mental", "Social y comunicación", "Crecimiento espiritual", "Astrología basada en evidencia"],
        ["Calma y centro", "Conocimiento cósmico", "Éxito y logro", "Basado en evidencia"]);

    private static readonly string[] SpanishVoices =
    [
        "Suave, tranquilizadora y contemplativa: atención plena, respiración, arraigo y autocuidado. Nunca alarmista, nunca predictiva.",
        "Curiosa y didáctica: la astronomía detrás del día, su historia y su mitología, la astrología como lenguaje simbólico.",
        "Directa, enérgica y estratégica: objetivos, momento oportuno y acción.",
        "Factual y precisa: lo que se observa en el cielo de hoy, con cifras; lo que la astrología no puede afirmar; tus propias observaciones.",
    ];

    private static readonly string[] SpanishSamples =
    [
        "Hoy la Luna cruza Piscis. Deja que tu respiración se acompase con ella: inhala en cuatro, exhala en seis.",
        "Esta semana Mercurio parece moverse hacia atrás. No lo hace, claro: la Tierra lo está adelantando por el carril interior.",
        "Marte forma una cuadratura con tu Saturno natal hasta el jueves. Aprovecha la fricción: termina la tarea difícil antes del mediodía.",
        "Luna iluminada al 71 %, gibosa creciente a 14°02′ Géminis. Ningún estudio muestra que esto afecte al ánimo; anota el tuyo y compruébalo.",
    ];

    private readonly string[] points;
    private readonly string[] signs;
    private readonly string[] phases;
    private readonly string[] focusAreas;
    private readonly string[] perspectives;

    private ContentLocale(string name, string[] points, string[] signs, string[] phases, string[] focusAreas, string[] perspectives)
    {
        Name = name;
        Culture = CultureInfo.GetCultureInfo(name);
        this.points = points;
        this.signs = signs;
        this.phases = phases;
        this.focusAreas = focusAreas;
        this.perspectives = perspectives;
    }

    public string Name { get; }

    public CultureInfo Culture { get; }

    public bool IsSpanish => Name == "es-ES";

    public static IReadOnlyList<ContentLocale> All { get; } = [English, Spanish];

    public static bool TryGet(string? name, out ContentLocale locale)
    {
        locale = All.FirstOrDefault(l => string.Equals(l.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return locale is not null;
    }

    public static ContentLocale Get(string? name) =>
        TryGet(name, out var locale) ? locale : throw new ArgumentException($"Unsupported locale '{name}'; use en-US or es-ES.", nameof(name));

    public string Point(ChartPoint point) => points[(int)point];

    public string Body(Body body) => points[(int)body];

    public string Sign(ZodiacSign sign) => signs[(int)sign];

    public string Phase(MoonPhaseName phase) => phases[(int)phase];

    public string FocusArea(FocusAreaId id) => focusAreas[(int)id];

    public string Perspective(PerspectiveId id) => perspectives[(int)id];

    /// <summary>How a perspective sounds, as told to someone choosing one (landing page, sign-up, emails).</summary>
    public string PerspectiveVoice(PerspectiveId id) => IsSpanish ? SpanishVoices[(int)id] : Readers.Perspective.Get(id).Voice;

    /// <summary>A one- or two-sentence sample of the perspective's voice.</summary>
    public string PerspectiveSample(PerspectiveId id) => IsSpanish ? SpanishSamples[(int)id] : Readers.Perspective.Get(id).Sample;

    /// <summary>The typical sections of the perspective (SPEC §3), as its emails title them.</summary>
    public IReadOnlyList<string> PerspectiveSections(PerspectiveId id) =>
        IsSpanish ? Offline.PhraseLibrary.Voice(this, id).Sections : Readers.Perspective.Get(id).Sections;

    public string Aspect(AspectType type) => (type, IsSpanish) switch
    {
        (AspectType.Conjunction, false) => "conjunct",
        (AspectType.Sextile, false) => "sextile",
        (AspectType.Square, false) => "square",
        (AspectType.Trine, false) => "trine",
        (AspectType.Opposition, false) => "opposite",
        (AspectType.Conjunction, true) => "en conjunción con",
        (AspectType.Sextile, true) => "en sextil con",
        (AspectType.Square, true) => "en cuadratura con",
        (AspectType.Trine, true) => "en trígono con",
        _ => "en oposición a",
    };

    /// <summary>A longitude as degrees and arcminutes in its sign, e.g. <c>14°02′ Gemini</c>.</summary>
    public string Longitude(double longitude)
    {
        var totalMinutes = (long)Math.Round(Angle.Normalize(longitude) * 60.0, MidpointRounding.AwayFromZero) % (360 * 60);
        var sign = (ZodiacSign)(totalMinutes / (30 * 60));
        var inSign = totalMinutes % (30 * 60);
        return string.Create(CultureInfo.InvariantCulture, $"{inSign / 60}°{inSign % 60:00}′ {Sign(sign)}");
    }

    /// <summary>An orb in degrees and arcminutes, e.g. <c>1°12′</c>.</summary>
    public static string Orb(double degrees)
    {
        var minutes = (long)Math.Round(Math.Abs(degrees) * 60.0, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}°{minutes % 60:00}′");
    }

    public string Percent(double fraction) => string.Create(Culture, $"{Math.Round(fraction * 100):0} %").Replace(" %", IsSpanish ? " %" : "%", StringComparison.Ordinal);

    public string Time(DateTimeOffset local) => local.ToString("HH:mm", Culture);

    public string Time(TimeOnly local) => local.ToString("HH:mm", Culture);

    /// <summary>A calendar date in full, e.g. <c>May 17, 1990</c> / <c>17 de mayo de 1990</c>.</summary>
    public string LongDate(DateOnly date) => date.ToString(IsSpanish ? "d 'de' MMMM 'de' yyyy" : "MMMM d, yyyy", Culture);

    public string DayAndTime(DateTimeOffset local) => local.ToString(IsSpanish ? "ddd d MMM, HH:mm" : "ddd MMM d, HH:mm", Culture);

    public string DateLabel(DateOnly date) => date.ToString(IsSpanish ? "dddd d 'de' MMMM" : "dddd, MMMM d", Culture);

    /// <summary>The day's name, e.g. <c>Wednesday</c> / <c>miércoles</c>.</summary>
    public string Weekday(DateOnly date) => date.ToString("dddd", Culture);

    /// <summary>A day in a week's list, e.g. <c>Wednesday, Dec 9</c> / <c>miércoles 9 dic</c>.</summary>
    public string WeekdayLabel(DateOnly date) => IsSpanish
        ? $"{Weekday(date)} {date.Day.ToString(CultureInfo.InvariantCulture)} {date.ToString("MMM", Culture).TrimEnd('.')}"
        : date.ToString("dddd, MMM d", Culture);

    /// <summary>
    /// The days from <paramref name="first"/> to <paramref name="last"/>, e.g. <c>Week of December 6–12, 2026</c> /
    /// <c>Semana del 6 al 12 de diciembre de 2026</c>; the month and year are repeated only when they change.
    /// </summary>
    public string WeekLabel(DateOnly first, DateOnly last)
    {
        string Month(DateOnly d) => d.ToString("MMMM", Culture);
        string Day(DateOnly d) => d.Day.ToString(CultureInfo.InvariantCulture);
        string Year(DateOnly d) => d.Year.ToString(CultureInfo.InvariantCulture);
        if (IsSpanish)
        {
            return (first.Year == last.Year, first.Month == last.Month) switch
            {
                (true, true) => $"Semana del {Day(first)} al {Day(last)} de {Month(last)} de {Year(last)}",
                (true, false) => $"Semana del {Day(first)} de {Month(first)} al {Day(last)} de {Month(last)} de {Year(last)}",
                _ => $"Semana del {Day(first)} de {Month(first)} de {Year(first)} al {Day(last)} de {Month(last)} de {Year(last)}",
            };
        }

        return (first.Year == last.Year, first.Month == last.Month) switch
        {
            (true, true) => $"Week of {Month(first)} {Day(first)}–{Day(last)}, {Year(last)}",
            (true, false) => $"Week of {Month(first)} {Day(first)} – {Month(last)} {Day(last)}, {Year(last)}",
            _ => $"Week of {Month(first)} {Day(first)}, {Year(first)} – {Month(last)} {Day(last)}, {Year(last)}",
        };
    }

    public string Number(double value, string format) => value.ToString(format, Culture);
}
