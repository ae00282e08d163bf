using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Runbooks;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Runbooks;

public sealed class RunbooksPageTests : BunitContext
{
    private readonly RunbookLibrary _library = new(RunbookLibrary.DefaultRoot);

    public RunbooksPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    private static List<string> RepositoryPages()
    {
        var docs = Path.Combine(RepositoryRoot.Find(), "docs");
        return Directory.GetFiles(Path.Combine(docs, "runbooks"), "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(n => n != "README")
            .Append("incident-response")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public void The_index_lists_every_runbook_of_the_repository_copied_beside_the_app_plan_and_daily_checks_first()
    {
        Services.AddSingleton(_library);

        var cut = Render<RunbooksPage>();

        var listed = cut.FindAll("#runbook-index li").Select(li => li.GetAttribute("data-runbook")!).ToList();
        Assert.Equal(RepositoryPages(), listed.Order(StringComparer.Ordinal));
        Assert.Equal(["incident-response", "daily-checks"], listed.Take(2));
        var rollback = cut.Find("#runbook-index li[data-runbook='rollback'] a");
        Assert.Equal("/ops/runbooks/rollback", rollback.GetAttribute("href"));
        Assert.Equal("Rollback of a release", rollback.TextContent);
    }

    [Fact]
    public void The_search_finds_pages_by_words_of_their_text_and_marks_them()
    {
        Services.AddSingleton(_library);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/ops/runbooks?q=535%20credentials");

        var cut = Render<RunbooksPage>();

        var hits = cut.FindAll("#runbook-results li").Select(li => li.GetAttribute("data-runbook")).ToList();
        Assert.Contains("smtp-relay-refusing", hits);
        Assert.DoesNotContain("daily-checks", hits);
        Assert.Contains(cut.FindAll("#runbook-results li[data-runbook='smtp-relay-refusing'] mark"), m => m.TextContent == "535");
        Assert.Contains("result(s) for “535 credentials”", cut.Find("#runbook-results h2").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_search_without_a_match_says_so()
    {
        Services.AddSingleton(_library);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/ops/runbooks?q=zebra-crossing-42");

        var cut = Render<RunbooksPage>();

        Assert.Empty(cut.FindAll("#runbook-results li"));
        Assert.Contains("No runbook mentions every word", cut.Find("#runbook-results .empty").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_runbook_renders_with_its_commands_tables_and_links_to_other_runbooks_in_the_console()
    {
        Services.AddSingleton(_library);

        var cut = Render<RunbookPage>(p => p.Add(c => c.Name, "rollback"));

        var body = cut.Find("#runbook-body");
        Assert.Equal("Runbook: rollback of a release", body.QuerySelector("h1")!.TextContent);
        Assert.Contains(body.QuerySelectorAll("pre code"), c => c.TextContent.Contains("./Astropal.Web jobs pause --all", StringComparison.Ordinal));
        Assert.Contains(body.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/ops/runbooks/incident-response");
        Assert.Contains(body.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/ops/runbooks/launch-metrics");
        Assert.DoesNotContain(body.QuerySelectorAll("a"), a => a.GetAttribute("href")!.EndsWith(".md", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_runbook_is_named_as_not_found()
    {
        Services.AddSingleton(_library);

        var cut = Render<RunbookPage>(p => p.Add(c => c.Name, "..%2Fappsettings"));

        Assert.Contains("There is no runbook called", cut.Find("#runbook-missing").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#runbook-body"));
    }

    [Fact]
    public void Html_in_the_markdown_is_shown_as_text_and_unsafe_links_are_not_links()
    {
        using var docs = new TempDirectory("runbooks");
        Directory.CreateDirectory(docs.File("runbooks"));
        File.WriteAllText(Path.Combine(docs.File("runbooks"), "evil.md"), """
            # Runbook: <b>evil</b>

            <script>alert('x')</script>

            Text with <img src=x onerror="alert(1)"> inline and a [bad link](javascript:alert(1)),
            a [repository file](../security.md) and a [good one](https://example.com/status).

            | Table | <iframe src="https://example.com"></iframe> |
            |---|---|
            """);
        Services.AddSingleton(new RunbookLibrary(docs.Path));

        var cut = Render<RunbookPage>(p => p.Add(c => c.Name, "evil"));

        var body = cut.Find("#runbook-body");
        Assert.Empty(body.QuerySelectorAll("script, img, iframe, b"));
        Assert.Contains("&lt;script&gt;alert('x')&lt;/script&gt;", body.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=\"alert(1)\"&gt;", body.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(body.QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("repository file (docs/security.md)", body.TextContent, StringComparison.Ordinal);
        Assert.Contains(body.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://example.com/status");
        Assert.Contains("<b>evil</b>", body.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }
}
