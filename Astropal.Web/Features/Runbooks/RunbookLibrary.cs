using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Astropal.Web.Features.Runbooks;

/// <summary>
/// The runbooks (<c>docs/runbooks/*.md</c> but its README) and the incident response plan (<c>docs/incident-response.md</c>),
/// read once from the folder copied beside the app (<see cref="DefaultRoot"/>) and rendered with Markdig. Raw HTML in the
/// Markdown is shown as text, never as markup; links to other pages of the library lead to their console page, other
/// repository links become their path in plain text, and only http(s) and mailto links stay links.
/// </summary>
public sealed class RunbookLibrary
{
    public const string PathPrefix = "/ops/runbooks/";
    public const string IncidentResponse = "incident-response";
    public const string DailyChecks = "daily-checks";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    private readonly Lazy<IReadOnlyList<RunbookDocument>> _documents;

    /// <param name="docsRoot">The folder holding <c>runbooks/</c> and <c>incident-response.md</c>.</param>
    public RunbookLibrary(string docsRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(docsRoot);
        Root = docsRoot;
        _documents = new Lazy<IReadOnlyList<RunbookDocument>>(Load);
    }

    /// <summary>The <c>docs</c> folder beside the app (build output and published release alike).</summary>
    public static string DefaultRoot => Path.Combine(AppContext.BaseDirectory, "docs");

    public string Root { get; }

    /// <summary>The incident response plan, the daily checks, then the runbooks by title.</summary>
    public IReadOnlyList<RunbookDocument> All => _documents.Value;

    public RunbookDocument? Find(string? name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The pages whose title or text holds every word of <paramref name="query"/> (any case), title matches first.</summary>
    public IReadOnlyList<RunbookSearchHit> Search(string? query)
    {
        var words = Words(query);
        if (words.Count == 0)
        {
            return [];
        }

        return All
            .Where(d => words.All(w => d.Title.Contains(w, StringComparison.OrdinalIgnoreCase) || d.Text.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(d => words.Count(w => d.Title.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .ThenBy(d => d.Title, StringComparer.OrdinalIgnoreCase)
            .Select(d => new RunbookSearchHit(d, Snippet(d.Text, words)))
            .ToList();
    }

    private static List<string> Words(string? query) =>
        (query ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => w.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(10).ToList();

    private static List<(string Text, bool Match)> Snippet(string text, IReadOnlyList<string> words)
    {
        const int Around = 90;
        var first = words.Select(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - Around);
        var end = Math.Min(text.Length, first + Around);
        var piece = (start > 0 ? "…" : "") + text[start..end].ReplaceLineEndings(" ") + (end < text.Length ? "…" : "");

        var parts = new List<(string, bool)>();
        var at = 0;
        while (at < piece.Length)
        {
            var next = words
                .Select(w => (Word: w, Index: piece.IndexOf(w, at, StringComparison.OrdinalIgnoreCase)))
                .Where(m => m.Index >= 0)
                .OrderBy(m => m.Index).ThenByDescending(m => m.Word.Length)
                .FirstOrDefault();
            if (next.Word is null)
            {
                parts.Add((piece[at..], false));
                break;
            }

            if (next.Index > at)
            {
                parts.Add((piece[at..next.Index], false));
            }

            parts.Add((piece.Substring(next.Index, next.Word.Length), true));
            at = next.Index + next.Word.Length;
        }

        return parts;
    }

    private List<RunbookDocument> Load()
    {
        var files = new List<string>();
        var plan = Path.Combine(Root, IncidentResponse + ".md");
        if (File.Exists(plan))
        {
            files.Add(plan);
        }

        var folder = Path.Combine(Root, "runbooks");
        if (Directory.Exists(folder))
        {
            files.AddRange(Directory.GetFiles(folder, "*.md")
                .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase)));
        }

        var names = files.Select(f => Path.GetFileNameWithoutExtension(f)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return files
            .Select(f => Render(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f), names))
            .OrderBy(d => d.Name == IncidentResponse ? 0 : d.Name == DailyChecks ? 1 : 2)
            .ThenBy(d => d.Title, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Renders one page; <paramref name="names"/> are the pages links may lead to.</summary>
    public static RunbookDocument Render(string name, string markdown, IReadOnlySet<string> names)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(names);
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            RewriteLink(link, name, names);
        }

        var html = document.ToHtml(Pipeline);
        var heading = document.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
        var title = heading?.Inline is { } inline ? InlineText(inline) : name;
        if (title.StartsWith("Runbook:", StringComparison.OrdinalIgnoreCase))
        {
            title = title["Runbook:".Length..].Trim();
        }

        var paragraph = document.Descendants<ParagraphBlock>().FirstOrDefault();
        var summary = paragraph?.Inline is { } p ? InlineText(p) : "";
        if (summary.Length > 220)
        {
            summary = summary[..219].TrimEnd() + "…";
        }

        var text = Markdown.ToPlainText(markdown, Pipeline);
        return new RunbookDocument(name, title.Length > 0 ? char.ToUpperInvariant(title[0]) + title[1..] : name, summary, html, text);
    }

    private static void RewriteLink(LinkInline link, string from, IReadOnlySet<string> names)
    {
        var url = link.Url ?? "";
        if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            || (url.StartsWith('#') && !link.IsImage))
        {
            return;
        }

        var path = url.Split('#')[0];
        var target = Path.GetFileNameWithoutExtension(path);
        if (!link.IsImage && path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !path.Contains(':', StringComparison.Ordinal) && names.Contains(target))
        {
            var fragment = url.Contains('#', StringComparison.Ordinal) ? url[url.IndexOf('#', StringComparison.Ordinal)..] : "";
            link.Url = PathPrefix + target + fragment;
            return;
        }

        // Anything else (a repository file outside the library, a script, a data: or javascript: address): plain text.
        var label = InlineText(link);
        var shown = url.Length == 0 || url.Contains(':', StringComparison.Ordinal) ? label : $"{label} ({RepositoryPath(from, path)})";
        link.ReplaceBy(new LiteralInline(shown), copyChildren: false);
    }

    /// <summary>A link relative to <c>docs/runbooks/</c> (or <c>docs/</c> for the plan) as a repository path.</summary>
    private static string RepositoryPath(string from, string relative)
    {
        var baseParts = from == IncidentResponse ? new List<string> { "docs" } : ["docs", "runbooks"];
        foreach (var part in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (baseParts.Count > 0)
                {
                    baseParts.RemoveAt(baseParts.Count - 1);
                }
            }
            else if (part != ".")
            {
                baseParts.Add(part);
            }
        }

        return string.Join('/', baseParts);
    }

    private static string InlineText(ContainerInline container)
    {
        var text = new StringBuilder();
        foreach (var inline in container.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
        }

        return text.ToString().Trim();
    }
}
