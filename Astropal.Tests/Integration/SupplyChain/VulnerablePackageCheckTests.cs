using System.Diagnostics;
using Astropal.Tests.TestSupport;

namespace Astropal.Tests.Integration.SupplyChain;

/// <summary>tools/check-vulnerable-packages.sh, run by ./test.sh, on saved <c>dotnet list package --vulnerable --format json</c> reports.</summary>
public sealed class VulnerablePackageCheckTests : IDisposable
{
    private readonly TempDirectory folder = new("astropal-vuln");

    [Theory]
    [InlineData("High")]
    [InlineData("Critical")]
    public async Task A_High_or_Critical_advisory_fails_the_check_naming_the_package(string severity)
    {
        var (exit, output) = await RunAsync(Report(("System.Text.Json", "8.0.0", severity), ("Newtonsoft.Json", "12.0.1", "Moderate")));

        Assert.Equal(1, exit);
        Assert.Contains($"{severity} System.Text.Json 8.0.0 https://github.com/advisories/GHSA-test", output, StringComparison.Ordinal);
        Assert.Contains("FAILED", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Low_and_Moderate_advisories_are_listed_but_do_not_fail()
    {
        var (exit, output) = await RunAsync(Report(("Newtonsoft.Json", "12.0.1", "Moderate"), ("Serilog", "2.0.0", "Low")));

        Assert.Equal(0, exit);
        Assert.Contains("Moderate Newtonsoft.Json 12.0.1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clean_report_passes()
    {
        var (exit, output) = await RunAsync(Report());

        Assert.Equal(0, exit);
        Assert.Contains("no package has a known vulnerability", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_feed_is_reported_as_not_checked_instead_of_passing()
    {
        var (exit, output) = await RunAsync("error: Unable to load the service index for source https://api.nuget.org/v3/index.json.\n");

        Assert.Equal(2, exit);
        Assert.Contains("Packages were NOT checked", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_test_script_runs_the_check_and_fails_when_it_does_not_pass()
    {
        var script = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "test.sh"));

        Assert.Contains("./tools/check-vulnerable-packages.sh", script, StringComparison.Ordinal);
        Assert.Contains("vulnerability_status=$?", script, StringComparison.Ordinal);
        Assert.Contains("if [ \"$vulnerability_status\" -ne 0 ]", script, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();

    private static string Report(params (string Id, string Version, string Severity)[] packages)
    {
        var items = string.Join(",\n", packages.Select(p => $$"""
                    {
                      "id": "{{p.Id}}",
                      "resolvedVersion": "{{p.Version}}",
                      "vulnerabilities": [
                        {
                          "severity": "{{p.Severity}}",
                          "advisoryurl": "https://github.com/advisories/GHSA-test"
                        }
                      ]
                    }
            """));
        var frameworks = packages.Length == 0 ? "" : $$"""
            ,
                  "frameworks": [
                    {
                      "framework": "net10.0",
                      "transitivePackages": [
            {{items}}
                      ]
                    }
                  ]
            """;
        return $$"""
            {
              "version": 1,
              "parameters": "--vulnerable --include-transitive",
              "projects": [
                {
                  "path": "/src/Astropal.Web/Astropal.Web.csproj"{{frameworks}}
                }
              ]
            }
            """;
    }

    private async Task<(int Exit, string Output)> RunAsync(string report)
    {
        var file = folder.File("report.json");
        await File.WriteAllTextAsync(file, report);
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Find(), "tools", "check-vulnerable-packages.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASTROPAL_VULNERABILITY_REPORT"] = file;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
