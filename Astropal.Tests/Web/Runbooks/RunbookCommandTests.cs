using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Infrastructure.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Web.Runbooks;

/// <summary>
/// Every command a runbook tells an operator to type exists, with options it accepts: each command line quoted in
/// docs/runbooks/*.md and docs/incident-response.md is checked with the CLI's own parser (<see cref="CliHost.CheckAsync"/>),
/// which runs nothing. The rule for what counts as a command line is in <see cref="RunbookCommandLine"/>.
/// </summary>
public sealed class RunbookCommandTests(AstropalAppFactory app) : IClassFixture<AstropalAppFactory>
{
    /// <summary>The runbooks issue 17 asks for, one per situation.</summary>
    public static readonly string[] RequiredRunbooks =
    [
        "email-delivery-issues", "smtp-relay-refusing", "content-generation-failed", "llm-budget-reached",
        "database-restore", "rollback", "reader-data-request", "add-operator", "rotate-secrets", "daily-checks",
    ];

    private static IEnumerable<string> Documents()
    {
        var root = RepositoryRoot.Find();
        return Directory.GetFiles(Path.Combine(root, "docs", "runbooks"), "*.md")
            .Append(Path.Combine(root, "docs", "incident-response.md"))
            .Order(StringComparer.Ordinal);
    }

    private static List<RunbookCommandLine> AllCommandLines()
    {
        var root = RepositoryRoot.Find();
        return Documents()
            .SelectMany(f => RunbookCommandLine.Extract(Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();
    }

    [Fact]
    public async Task Every_command_line_quoted_in_the_runbooks_parses_with_the_cli_parser()
    {
        var lines = AllCommandLines();
        Assert.True(lines.Count >= 20, $"Expected the runbooks to quote at least 20 command lines; found {lines.Count}.");

        var failures = new List<string>();
        foreach (var line in lines)
        {
            if (line.Problem is not null)
            {
                failures.Add($"{line}\n    → {line.Problem}");
                continue;
            }

            var result = await CliHost.CheckAsync(app.Services, line.Arguments!, CancellationToken.None);
            if (!result.Accepted)
            {
                failures.Add($"{line}\n    → {result.Problem}");
            }
        }

        Assert.True(failures.Count == 0,
            $"{failures.Count} of {lines.Count} command lines in the runbooks do not parse:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Every_situation_of_the_issue_has_its_runbook_and_each_runbook_has_the_sections()
    {
        var folder = Path.Combine(RepositoryRoot.Find(), "docs", "runbooks");
        var missing = RequiredRunbooks.Where(n => !File.Exists(Path.Combine(folder, n + ".md"))).ToList();
        Assert.True(missing.Count == 0, "Missing runbooks: " + string.Join(", ", missing));

        foreach (var name in RequiredRunbooks.Except(["daily-checks", "database-restore"]))
        {
            var text = File.ReadAllText(Path.Combine(folder, name + ".md"));
            foreach (var section in new[] { "**Shown by:**", "## Symptoms", "## Checks", "## Actions", "## Verify" })
            {
                Assert.True(text.Contains(section, StringComparison.Ordinal), $"{name}.md has no '{section}'.");
            }
        }

        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Find(), "docs", "incident-response.md")));
    }

    [Fact]
    public void The_rollback_runbook_quotes_the_launch_plan_sequence_in_order()
    {
        var lines = AllCommandLines().Where(l => l.File == "docs/runbooks/rollback.md").Select(l => l.Arguments is null ? "" : string.Join(' ', l.Arguments)).ToList();
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "runbooks", "rollback.md"));

        var pause = lines.FindIndex(l => l.StartsWith("jobs pause --all", StringComparison.Ordinal));
        var restore = lines.FindIndex(l => l.StartsWith("restore --file ", StringComparison.Ordinal));
        var resume = lines.FindIndex(l => l == "jobs resume --all");
        Assert.True(pause >= 0 && restore > pause && resume > restore, string.Join(" | ", lines));
        var rollbackScript = text.IndexOf("deploy/rollback.sh", StringComparison.Ordinal);
        var incident = text.IndexOf("/api/ops/incidents", StringComparison.Ordinal);
        Assert.True(rollbackScript > 0 && incident > rollbackScript && incident < text.IndexOf("jobs resume --all", StringComparison.Ordinal));
        Assert.Contains("\"notifyReaders\": true", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_accepts_a_valid_line_without_running_it()
    {
        var result = await CliHost.CheckAsync(app.Services, ["jobs", "pause", "--all", "--reason", "checked, not run"], CancellationToken.None);

        Assert.True(result.Accepted, result.Problem);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AstropalDbContext>();
        Assert.Equal(0, await db.JobPauses.CountAsync());
    }

    [Theory]
    [InlineData(new[] { "launch-rockets" }, "Unknown command 'launch-rockets'")]
    [InlineData(new[] { "jobs", "pause", "--all" }, "Option --reason is required.")]
    [InlineData(new[] { "jobs", "resume", "--all", "--now" }, "Unknown option: --now.")]
    [InlineData(new[] { "create-operator", "--email", "a@example.com", "--role", "Admin", "--colour", "red" }, "Unknown option: --colour.")]
    [InlineData(new[] { "sky", "--lat", "north" }, "Option --lat must be a number")]
    [InlineData(new[] { "--urls", "http://localhost:1" }, "would start the web site")]
    public async Task The_check_rejects_a_bad_line_with_the_parser_reason(string[] args, string reason)
    {
        var result = await CliHost.CheckAsync(app.Services, args, CancellationToken.None);

        Assert.False(result.Accepted);
        Assert.Contains(reason, result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_lines_are_found_in_fenced_blocks_only_and_read_like_a_shell()
    {
        const string markdown = """
            Text mentioning ./Astropal.Web jobs list outside a block is prose.

            ```bash
            ./Astropal.Web jobs pause --all --reason "Rollback: it's broken" # comment
            dotnet run --project Astropal.Web -- create-operator \
                --email a@example.com --role 'Admin' <<< "$PW"
            sudo systemctl restart astropal
            echo x | ./Astropal.Web migrate
            ./Astropal.Web restore --file "/var/lib/a b/astropal.db" > out.txt
            ```
            """;

        var lines = RunbookCommandLine.Extract("x.md", markdown);

        Assert.Equal(4, lines.Count);
        Assert.Equal(["jobs", "pause", "--all", "--reason", "Rollback: it's broken"], lines[0].Arguments);
        Assert.Equal(4, lines[0].Line);
        Assert.Equal(["create-operator", "--email", "a@example.com", "--role", "Admin"], lines[1].Arguments);
        Assert.Contains("does not start with", lines[2].Problem, StringComparison.Ordinal);
        Assert.Equal(["restore", "--file", "/var/lib/a b/astropal.db"], lines[3].Arguments);
        Assert.Equal("a double quote is not closed", RunbookCommandLine.Words("jobs pause --reason \"open").Problem);
    }
}
