using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Astropal.Core.Branding;
using Astropal.Core.Email.Models;
using HandlebarsDotNet;
using Microsoft.Extensions.Options;

namespace Astropal.Core.Email;

/// <summary>
/// Fills the compiled email templates (embedded from <c>emails/dist</c> and <c>emails/templates</c>)
/// with a model and the brand. Singleton: each template is compiled once, on first use, and the
/// compiled delegates are safe to call from many threads.
/// </summary>
/// <remarks>
/// Strict: a placeholder that names no property of the model throws
/// <see cref="EmailTemplateException"/>, so a typo never reaches a reader as an empty gap.
/// HTML values are HTML-escaped; the text part and the subject are not.
/// </remarks>
public sealed class EmailTemplateRenderer
{
    private const string ResourcePrefix = "Astropal.Emails.";

    private static readonly Assembly ResourceAssembly = typeof(EmailTemplateRenderer).Assembly;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertyCache = new();
    private static readonly JsonSerializerOptions SubjectsJson = new() { PropertyNameCaseInsensitive = true };

    private readonly EmailBrand brand;
    private readonly IHandlebars html;
    private readonly IHandlebars text;
    private readonly Lazy<CompiledTemplate>[] templates;
    private readonly string? overrideDirectory;

    // Lazy<T> compiles each template once; this lock keeps two templates from compiling at once
    // in the shared Handlebars environments, whose compile step is not documented as thread-safe.
    private readonly Lock compileGate = new();

    public EmailTemplateRenderer(IOptions<BrandOptions> brandOptions, IOptions<EmailOptions>? emailOptions = null)
    {
        ArgumentNullException.ThrowIfNull(brandOptions);
        brand = EmailBrand.From(brandOptions.Value);
        overrideDirectory = string.IsNullOrWhiteSpace(emailOptions?.Value.TemplateDirectory) ? null : emailOptions.Value.TemplateDirectory;
        html = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = true });
        text = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = true, NoEscape = true });
        text.RegisterTemplate("footer", ReadResource("partials.footer.txt"));

        var subjects = JsonSerializer.Deserialize<Dictionary<string, SubjectTemplate>>(
            ReadResource("subjects.json"), SubjectsJson)
            ?? throw new InvalidOperationException("emails/subjects.json is empty.");

        templates = Enum.GetValues<EmailTemplate>()
            .Select(t => new Lazy<CompiledTemplate>(() => Compile(t, subjects), LazyThreadSafetyMode.ExecutionAndPublication))
            .ToArray();
    }

    public EmailBrand Brand => brand;

    /// <summary>Renders the template the model belongs to.</summary>
    public RenderedEmail Render(IEmailModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Render(model.Template, model);
    }

    /// <summary>Renders <paramref name="template"/> with any object whose property names match its placeholders.</summary>
    public RenderedEmail Render(EmailTemplate template, object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!Enum.IsDefined(template))
        {
            throw new ArgumentOutOfRangeException(nameof(template), template, "Unknown email template.");
        }

        var compiled = templates[(int)template].Value;

        var context = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in PropertyCache.GetOrAdd(model.GetType(), ReadableProperties))
        {
            context[property.Name] = property.GetValue(model);
        }
        context["Brand"] = brand;

        try
        {
            var subject = OneLine(compiled.Subject(context));
            var preheader = OneLine(compiled.Preheader(context));
            context["Subject"] = subject;
            context["Preheader"] = preheader;
            context["Reason"] = compiled.Reason(context);

            return new RenderedEmail(template, subject, preheader, compiled.Html(context), compiled.Text(context));
        }
        catch (Exception ex) when (ex is HandlebarsException or HandlebarsDotNet.Compiler.HandlebarsUndefinedBindingException)
        {
            throw new EmailTemplateException(
                $"Email template '{template.Slug()}' could not be filled from {model.GetType().Name}: {ex.Message}", ex);
        }
    }

    private CompiledTemplate Compile(EmailTemplate template, Dictionary<string, SubjectTemplate> subjects)
    {
        var slug = template.Slug();
        if (!subjects.TryGetValue(slug, out var subject))
        {
            throw new InvalidOperationException($"emails/subjects.json has no entry \"{slug}\".");
        }

        lock (compileGate)
        {
            return new CompiledTemplate(
                text.Compile(subject.Subject),
                text.Compile(subject.Preheader),
                text.Compile(subject.Reason),
                html.Compile(ReadResource($"html.{slug}")),
                text.Compile(ReadResource($"text.{slug}.txt")));
        }
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
        _ => resource,
    };

    private sealed record SubjectTemplate(string Subject, string Preheader, string Reason);

    private sealed record CompiledTemplate(
        HandlebarsTemplate<object, object> Subject,
        HandlebarsTemplate<object, object> Preheader,
        HandlebarsTemplate<object, object> Reason,
        HandlebarsTemplate<object, object> Html,
        HandlebarsTemplate<object, object> Text);
}
