using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Astropal.Core.Branding;
using Astropal.Core.Content;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using HandlebarsDotNet;
using Microsoft.Extensions.Options;

namespace Astropal.Core.Email;

/// <summary>
/// Fills the compiled email templates (embedded from <c>emails/dist</c> and <c>emails/templates</c>)
/// with a model, the brand and the fixed texts of the reader's locale (<c>emails/locales</c>).
/// Singleton: each template is compiled once per locale, on first use, and the compiled delegates
/// are safe to call from many threads.
/// </summary>
/// <remarks>
/// Strict: a placeholder that names no property of the model throws
/// <see cref="EmailTemplateException"/>, so a typo never reaches a reader as an empty gap; so does a
/// <c>{{t 'key'}}</c> that the locale's table lacks. HTML values are HTML-escaped (apostrophes too,
/// <see cref="ApostropheEscapingHtmlEncoder"/>); the text part and
/// the subject are not.
/// </remarks>
public sealed class EmailTemplateRenderer
{
    /// <summary>The locale of emails to someone whose language is not known.</summary>
    public const string DefaultLocale = SupportedLocales.Default;

    private const string ResourcePrefix = "Astropal.Emails.";

    // Room for a daily email's parts at first use (about 35,000 and 3,500 characters), so the builder does not grow.
    private const int HtmlCapacity = 48 * 1024;
    private const int TextCapacity = 8 * 1024;

    private static readonly Assembly ResourceAssembly = typeof(EmailTemplateRenderer).Assembly;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertyCache = new();
    private static readonly JsonSerializerOptions SubjectsJson = new() { PropertyNameCaseInsensitive = true };

    private readonly EmailBrand brand;
    private readonly string? overrideDirectory;
    private readonly Dictionary<string, SubjectTemplate> subjects;
    private readonly Dictionary<string, LocaleTemplates> locales = new(StringComparer.OrdinalIgnoreCase);

    // Lazy<T> compiles each template once; this lock keeps two templates from compiling at once
    // in the shared Handlebars environments, whose compile step is not documented as thread-safe.
    private readonly Lock compileGate = new();

    public EmailTemplateRenderer(IOptions<BrandOptions> brandOptions, IOptions<EmailOptions>? emailOptions = null)
    {
        ArgumentNullException.ThrowIfNull(brandOptions);
        brand = EmailBrand.From(brandOptions.Value);
        overrideDirectory = string.IsNullOrWhiteSpace(emailOptions?.Value.TemplateDirectory) ? null : emailOptions.Value.TemplateDirectory;
        subjects = JsonSerializer.Deserialize<Dictionary<string, SubjectTemplate>>(
            ReadResource("subjects.json"), SubjectsJson)
            ?? throw new InvalidOperationException("emails/subjects.json is empty.");

        foreach (var locale in ContentLocale.All)
        {
            var texts = EmailTexts.Parse(locale.Name, ReadResource($"locales.{locale.Name}.json"), $"emails/locales/{locale.Name}.json");
            var html = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = true, TextEncoder = new ApostropheEscapingHtmlEncoder() });
            var text = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = true, NoEscape = true });
            text.RegisterTemplate("footer", texts.Localize(ReadResource("partials.footer.txt"), html: false, "partials/footer.txt.hbs"));
            var set = new LocaleTemplates(locale, texts, html, text);
            set.Templates = Enum.GetValues<EmailTemplate>()
                .Select(t => new Lazy<CompiledTemplate>(() => Compile(t, set), LazyThreadSafetyMode.ExecutionAndPublication))
                .ToArray();
            locales[locale.Name] = set;
        }
    }

    public EmailBrand Brand => brand;

    /// <summary>The fixed texts of <paramref name="locale"/> (<c>en-US</c> or <c>es-ES</c>).</summary>
    public EmailTexts TextsFor(string locale) => LocaleOf(locale).Texts;

    /// <summary>Renders the template the model belongs to, in English.</summary>
    public RenderedEmail Render(IEmailModel model) => Render(model, DefaultLocale);

    /// <summary>Renders the template the model belongs to in the reader's <paramref name="locale"/>.</summary>
    public RenderedEmail Render(IEmailModel model, string locale)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Render(model.Template, model, locale);
    }

    /// <summary>Renders <paramref name="template"/> with any object whose property names match its placeholders.</summary>
    public RenderedEmail Render(EmailTemplate template, object model, string locale = DefaultLocale)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!Enum.IsDefined(template))
        {
            throw new ArgumentOutOfRangeException(nameof(template), template, "Unknown email template.");
        }

        var set = LocaleOf(locale);
        var compiled = set.Templates[(int)template].Value;
        var context = ContextOf(model, set);

        try
        {
            var subject = OneLine(compiled.Subject(context));
            var preheader = OneLine(compiled.Preheader(context));
            context["Subject"] = subject;
            context["Preheader"] = preheader;
            context["Reason"] = compiled.Reason(context);

            return new RenderedEmail(template, subject, preheader, Fill(compiled.Html, context, HtmlCapacity), Fill(compiled.Text, context, TextCapacity));
        }
        catch (Exception ex) when (ex is HandlebarsException or HandlebarsDotNet.Compiler.HandlebarsUndefinedBindingException)
        {
            throw new EmailTemplateException(
                $"Email template '{template.Slug()}' could not be filled from {model.GetType().Name}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// One fixed text of <paramref name="locale"/> as plain text, its placeholders filled from
    /// <paramref name="values"/> and the brand: for the parts of a model that code assembles, e.g.
    /// <c>Phrase("es-ES", "welcome.schedule.daily", new { Time = "06:30" })</c>.
    /// </summary>
    public string Phrase(string locale, string key, object? values = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var set = LocaleOf(locale);
        var phrase = set.Phrases.GetOrAdd(key, k =>
        {
            var source = set.Texts.Localize($"{{{{t '{k}'}}}}", html: false, "code");
            lock (compileGate)
            {
                return set.Text.Compile(source);
            }
        });
        try
        {
            return phrase(ContextOf(values ?? new object(), set));
        }
        catch (Exception ex) when (ex is HandlebarsException or HandlebarsDotNet.Compiler.HandlebarsUndefinedBindingException)
        {
            throw new EmailTemplateException($"Email text '{key}' ({set.Locale.Name}) could not be filled: {ex.Message}", ex);
        }
    }

    private LocaleTemplates LocaleOf(string locale) =>
        locales.TryGetValue(locale?.Trim() ?? "", out var set)
            ? set
            : throw new ArgumentException($"No email texts for locale '{locale}'; use {string.Join(" or ", locales.Keys)}.", nameof(locale));

    private Dictionary<string, object?> ContextOf(object model, LocaleTemplates set)
    {
        var context = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in PropertyCache.GetOrAdd(model.GetType(), ReadableProperties))
        {
            context[property.Name] = property.GetValue(model);
        }

        context["Brand"] = brand;
        context["PerspectiveNames"] = set.PerspectiveNames;
        return context;
    }

    private CompiledTemplate Compile(EmailTemplate template, LocaleTemplates set)
    {
        var slug = template.Slug();
        if (!subjects.TryGetValue(slug, out var subject))
        {
            throw new InvalidOperationException($"emails/subjects.json has no entry \"{slug}\".");
        }

        var texts = set.Texts;
        var subjectsOf = $"subjects.json \"{slug}\"";
        var htmlSource = texts.Localize(ReadResource($"html.{slug}"), html: true, $"dist/{slug}.html");
        var textSource = texts.Localize(ReadResource($"text.{slug}.txt"), html: false, $"templates/{slug}.txt.hbs");
        lock (compileGate)
        {
            return new CompiledTemplate(
                set.Text.Compile(texts.Localize(subject.Subject, html: false, subjectsOf)),
                set.Text.Compile(texts.Localize(subject.Preheader, html: false, subjectsOf)),
                set.Text.Compile(texts.Localize(subject.Reason, html: false, subjectsOf)),
                set.Html.Compile(new StringReader(htmlSource)),
                set.Text.Compile(new StringReader(textSource)));
        }
    }
    // Written into this thread's reusable builder rather than a new one grown chunk by chunk for every email.
    private static string Fill(HandlebarsTemplate<TextWriter, object, object> template, Dictionary<string, object?> context, int capacity)
    {
        var builder = EmailTextBuffer.Rent(capacity);
        using (var writer = new StringWriter(builder, CultureInfo.InvariantCulture))
        {
            template(writer, context);
        }

        return EmailTextBuffer.ToStringAndReturn(builder);
    }

    private static PropertyInfo[] ReadableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .ToArray();

    private static string OneLine(string value) =>
        string.Join(' ', value.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private string ReadResource(string name)
    {
        if (overrideDirectory is not null && File.Exists(Path.Combine(overrideDirectory, OverridePath(name))))
        {
            return File.ReadAllText(Path.Combine(overrideDirectory, OverridePath(name)));
        }

        using var stream = ResourceAssembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException(
                $"Email resource '{ResourcePrefix}{name}' is missing. Run `node emails/build.js` and rebuild Astropal.Core.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // Resource name → path under Email:TemplateDirectory, mirroring the emails/ folder.
    private static string OverridePath(string resource) => resource switch
    {
        _ when resource.StartsWith("html.", StringComparison.Ordinal) => Path.Combine("dist", resource["html.".Length..] + ".html"),
        _ when resource.StartsWith("text.", StringComparison.Ordinal) => Path.Combine("templates", resource["text.".Length..] + ".hbs"),
        _ when resource.StartsWith("partials.", StringComparison.Ordinal) => Path.Combine("partials", resource["partials.".Length..] + ".hbs"),
        _ when resource.StartsWith("locales.", StringComparison.Ordinal) => Path.Combine("locales", resource["locales.".Length..]),
        _ => resource,
    };

    private sealed record SubjectTemplate(string Subject, string Preheader, string Reason);

    private sealed class LocaleTemplates(ContentLocale locale, EmailTexts texts, IHandlebars html, IHandlebars text)
    {
        public ContentLocale Locale { get; } = locale;

        public EmailTexts Texts { get; } = texts;

        public IHandlebars Html { get; } = html;

        public IHandlebars Text { get; } = text;

        public Lazy<CompiledTemplate>[] Templates { get; set; } = [];

        public ConcurrentDictionary<string, HandlebarsTemplate<object, object>> Phrases { get; } = new(StringComparer.Ordinal);

        /// <summary><c>{{PerspectiveNames.Calm}}</c> … in the footer's one-click switch, in this locale.</summary>
        public Dictionary<string, object?> PerspectiveNames { get; } = Perspective.All.ToDictionary(
            p => p.Id.ToString(), p => (object?)locale.Perspective(p.Id), StringComparer.Ordinal);
    }

    private sealed record CompiledTemplate(
        HandlebarsTemplate<object, object> Subject,
        HandlebarsTemplate<object, object> Preheader,
        HandlebarsTemplate<object, object> Reason,
        HandlebarsTemplate<TextWriter, object, object> Html,
        HandlebarsTemplate<TextWriter, object, object> Text);
}
