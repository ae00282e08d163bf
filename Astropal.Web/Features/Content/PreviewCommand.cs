using System.Data.Common;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Content.Evening;
using Astropal.Core.Content.Weekly;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Places;
using Astropal.Core.Readers;
using Astropal.Core.Sky;
using Astropal.Web.Infrastructure.Cli;

namespace Astropal.Web.Features.Content;

/// <summary>
/// <c>preview daily|evening|weekly ...</c>: renders the daily email, the evening reflection or the Sunday overview
/// exactly as it would be sent, for birth data given on the command line, without a reader in the database and
/// without sending.
/// </summary>
internal sealed class PreviewCommand(
    Gazetteer gazetteer,
    BirthChartCalculator birthCharts,
    ReaderEmailComposer composer,
    EveningReflectionComposer evening,
    WeeklyOverviewComposer weekly,
    EmailTemplateRenderer renderer) : ICliCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // The output is a file or a terminal, never a web page: keep °, ′ and accents readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Name => "preview";

    public string Synopsis =>
        "preview daily|evening|weekly --birth-date 1990-05-17 [--birth-time 08:30] --birth-place GEONAMEID --perspective calm|knowledge|success|evidence " +
        "--focus career,wellness [--tier trial|free|basic|pro] [--locale en-US|es-ES] --date 2026-12-01 [--format html|text|json] [--out FILE] [--name NAME] [--time-zone IANA]";

    public string Description =>
        "Renders a daily email (the day's stored segments, generated through the configured LLM providers when missing), an evening reflection or the weekly overview of the week holding --date, " +
        "for the given birth data, as it would be sent, without a reader and without sending.";

    public bool AcceptsSubcommand => true;

    public async Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        var kind = arguments.Subcommand switch
        {
            "daily" => EmailTemplate.Daily,
            "evening" => EmailTemplate.Evening,
            "weekly" => EmailTemplate.Weekly,
            null => throw new CliUsageException("Say which email to preview: preview daily|evening|weekly ..."),
            var other => throw new CliUsageException($"Unknown email '{other}'; preview daily, evening or weekly."),
        };

        var birthDate = ParseDate(arguments.Required("birth-date"), "birth-date");
        var birthTime = arguments.Optional("birth-time") is { } timeText ? ParseTime(timeText) : (TimeOnly?)null;
        var placeText = arguments.Required("birth-place");
        var perspectiveText = arguments.Required("perspective");
        var focus = ParseFocus(arguments.Required("focus"));
        var tier = arguments.OptionalEnum<Tier>("tier") ?? Tier.Basic;
        var localeText = arguments.Optional("locale") ?? SupportedLocales.Default;
        var date = ParseDate(arguments.Required("date"), "date");
        var format = arguments.Optional("format") ?? "text";
        var outFile = arguments.Optional("out");
        var name = arguments.Optional("name");
        var zoneText = arguments.Optional("time-zone");
        arguments.EnsureAllUsed();

        if (!int.TryParse(placeText, NumberStyles.None, CultureInfo.InvariantCulture, out var placeId) || placeId <= 0)
        {
            throw new CliUsageException($"Option --birth-place must be a GeoNames id, a positive whole number (got '{placeText}').");
        }

        if (!Perspective.TryParse(perspectiveText, out var perspective))
        {
            throw new CliUsageException($"Option --perspective must be one of {string.Join(", ", Perspective.All.Select(p => p.Slug))} (got '{perspectiveText}').");
        }

        if (!ContentLocale.TryGet(localeText, out var locale))
        {
            throw new CliUsageException($"Option --locale must be {string.Join(" or ", SupportedLocales.Names)} (got '{localeText}').");
        }

        if (format is not ("html" or "text" or "json"))
        {
            throw new CliUsageException($"Option --format must be html, text or json (got '{format}').");
        }

        if (date.Year is < 1901 or > 2099 || birthDate.Year is < 1901 or > 2099)
        {
            throw new CliUsageException("Options --date and --birth-date must lie between 1901 and 2099.");
        }

        if (zoneText is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneText, out _))
        {
            throw new CliUsageException($"Option --time-zone must be an IANA zone such as Europe/Madrid (got '{zoneText}').");
        }

        if (gazetteer.Find(placeId) is not { } place)
        {
            await console.Error.WriteLineAsync($"No place with GeoNames id {placeId} in the gazetteer.");
            return 1;
        }

        var chart = birthCharts.Compute(BirthData.At(birthDate, birthTime, place)).Chart;
        var site = renderer.Brand.SiteUrl.TrimEnd('/');
        var request = new DailyContentRequest(name, chart, zoneText ?? place.TimeZoneId, locale.Name, perspective.Id, focus, tier, date, site + "/plans");

        // A preview has no reader and so no signed tokens: the links have the real shape without one.
        var links = new EmailLinks(
            site + "/me",
            site + "/u/preview",
            renderer.Brand.PrivacyUrl,
            PerspectiveLinks.Create(p => $"{site}/me/perspective/{p.Slug}"));

        string output;
        RenderedEmail email;
        if (kind == EmailTemplate.Daily)
        {
            DailyContent content;
            try
            {
                // The same path as sending: the stored segments of the day, generated through the configured providers when missing.
                content = await composer.ContentAsync(request, cancellationToken);
            }
            catch (Exception e) when (e is DbException or Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                await console.Error.WriteLineAsync($"The preview reads and stores the day's segments in the database, which is not ready ({e.Message}); run 'migrate' first.");
                return 1;
            }

            email = renderer.Render(content.ToEmailModel(links), locale.Name);
            output = format == "json" ? JsonSerializer.Serialize(Describe(content, email, request, place), Json) + "\n" : "";
        }
        else
        {
            IEmailModel model = kind == EmailTemplate.Evening
                ? evening.Write(request, links, cancellationToken)
                : weekly.Write(name, locale.Name, perspective.Id, request.TimeZoneId, tier, date, request.PlansUrl, links, cancellationToken);
            email = renderer.Render(model, locale.Name);
            output = format == "json"
                ? JsonSerializer.Serialize(new { subject = email.Subject, preheader = email.Preheader, email = kind.Slug(), locale = locale.Name, perspective = perspective.Slug, date = request.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), timeZone = request.TimeZoneId, content = (object)model }, Json) + "\n"
                : "";
        }

        output = format switch
        {
            "html" => email.Html,
            "json" => output,
            _ => $"Subject: {email.Subject}\nPreheader: {email.Preheader}\n\n{email.Text}",
        };

        if (outFile is null)
        {
            await console.Out.WriteAsync(output.AsMemory(), cancellationToken);
            return 0;
        }

        try
        {
            await File.WriteAllTextAsync(outFile, output, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"{outFile}: cannot write: {e.Message}");
            return 1;
        }

        await console.Out.WriteLineAsync($"Wrote {outFile} ({format}, subject \"{email.Subject}\").");
        return 0;
    }

    private static object Describe(DailyContent content, RenderedEmail email, DailyContentRequest request, GazetteerCity place)
    {
        var sky = content.Sky;
        var noon = sky.Noon;
        string Local(DateTimeOffset utc) => sky.ToLocal(utc).ToString("yyyy-MM-ddTHH:mmzzz", CultureInfo.InvariantCulture);
        return new
        {
            subject = email.Subject,
            preheader = email.Preheader,
            provider = content.Provider,
            model = content.Model,
            tokens = new { input = content.InputTokens, output = content.OutputTokens, total = content.InputTokens + content.OutputTokens },
            segments = content.Segments.Select(s => new
            {
                key = s.Key,
                provider = s.Provider,
                model = s.Model,
                tokens = new { input = s.InputTokens, output = s.OutputTokens, total = s.InputTokens + s.OutputTokens },
            }),
            locale = request.Locale,
            perspective = Perspective.Get(request.Perspective).Slug,
            date = request.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            timeZone = request.TimeZoneId,
            birthPlace = place.Label,
            birthTimeKnown = request.Natal.BirthTimeKnown,
            greeting = content.Greeting,
            sections = content.Sections,
            message = content.Message,
            transits = content.Transits,
            focusGuidance = content.FocusGuidance,
            practice = content.Practice,
            snippet = content.Snippet,
            upgrade = content.Upgrade,
            skyFacts = content.SkyFacts,
            sky = new
            {
                computedAtUtc = noon.Utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                moon = new
                {
                    sign = noon[Body.Moon].Sign.ToString(),
                    longitude = Math.Round(noon[Body.Moon].Longitude, 4),
                    phase = noon.Moon.Name.ToString(),
                    illuminatedFraction = Math.Round(noon.Moon.IlluminatedFraction, 4),
                },
                positions = noon.Positions.Select(p => new
                {
                    body = p.Body.ToString(),
                    sign = p.Sign.ToString(),
                    longitude = Math.Round(p.Longitude, 4),
                    retrograde = p.IsRetrograde,
                }),
                events = sky.Events.Select(e => new { kind = e.Kind.ToString(), body = e.Body.ToString(), sign = e.Sign.ToString(), local = Local(e.Utc) }),
                exactAspects = sky.ExactAspects.Select(a => new { first = a.First.ToString(), aspect = a.Type.ToString(), second = a.Second.ToString(), local = Local(a.ExactUtc!.Value) }),
            },
        };
    }

    private static DateOnly ParseDate(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliUsageException($"Option --{option} must be a date written yyyy-MM-dd (got '{text}').");

    private static TimeOnly ParseTime(string text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new CliUsageException($"Option --birth-time must be a local time written HH:mm (got '{text}').");

    private static List<FocusAreaId> ParseFocus(string text)
    {
        var areas = new List<FocusAreaId>();
        foreach (var slug in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!FocusArea.TryParse(slug, out var area))
            {
                throw new CliUsageException($"Option --focus: unknown focus area '{slug}'; use {string.Join(", ", FocusArea.All.Select(f => f.Slug))}.");
            }

            if (areas.Contains(area.Id))
            {
                throw new CliUsageException($"Option --focus names '{slug}' twice.");
            }

            areas.Add(area.Id);
        }

        return areas.Count is >= 1 and <= 3
            ? areas
            : throw new CliUsageException("Option --focus takes one to three focus areas, comma-separated, in order of importance.");
    }
}
