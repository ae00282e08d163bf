using System.Text.Json;
using Astropal.Core.Content;
using Astropal.Core.Sky;
using Astropal.Tests.TestSupport;

namespace Astropal.Tests.Integration.Content;

/// <summary>The app as Program.cs builds it, content feature included; one host shared by the preview tests.</summary>
public sealed class ContentAppFactory : AstropalAppFactory;

public sealed class PreviewCommandTests(ContentAppFactory app) : IClassFixture<ContentAppFactory>
{
    private const string Zurich = "2657896";

    private static string[] Args(params string[] extra) =>
    [
        "preview", "daily", "--birth-date", "1990-05-17", "--birth-place", Zurich, "--perspective", "evidence",
        "--focus", "career,wellness", "--tier", "basic", "--date", "2026-12-01", .. extra,
    ];

    [Fact]
    public async Task Json_gives_subject_sections_sky_facts_provider_and_tokens()
    {
        var result = await CliRun.RunAsync(app.Services, null, Args("--birth-time", "08:30", "--locale", "en-US", "--format", "json"));
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.InRange(root.GetProperty("subject").GetString()!.Length, 10, 60);
        Assert.InRange(root.GetProperty("preheader").GetString()!.Length, 20, 100);
        Assert.Equal("offline", root.GetProperty("provider").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("model").GetString()));
        Assert.Equal(0, root.GetProperty("tokens").GetProperty("total").GetInt32());
        Assert.InRange(root.GetProperty("sections").GetArrayLength(), 3, 5);
        Assert.Equal("Observable Sky", root.GetProperty("sections")[0].GetProperty("heading").GetString());
        Assert.InRange(root.GetProperty("transits").GetArrayLength(), 2, 4);

        // The Moon it reports is the one the ephemeris computes for local noon in Zurich.
        var noon = new Ephemeris().Compute(new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.Zero));
        var moon = root.GetProperty("sky").GetProperty("moon");
        Assert.Equal(noon[Body.Moon].Sign.ToString(), moon.GetProperty("sign").GetString());
        Assert.Equal(noon.Moon.IlluminatedFraction, moon.GetProperty("illuminatedFraction").GetDouble(), 3);
        Assert.Contains(root.GetProperty("skyFacts").EnumerateArray(), f => f.GetProperty("label").GetString() == "Moon"
            && f.GetProperty("detail").GetString()!.Contains(noon[Body.Moon].Sign.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Html_and_text_render_the_whole_email_in_spanish_to_a_file()
    {
        using var dir = new TempDirectory("preview");
        var file = Path.Combine(dir.Path, "daily.html");
        var result = await CliRun.RunAsync(app.Services, null, Args("--locale", "es-ES", "--format", "html", "--out", file));
        Assert.True(result.ExitCode == 0, result.Error);
        var html = await File.ReadAllTextAsync(file);
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Registro de datos personal", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", html, StringComparison.Ordinal);

        var text = await CliRun.RunAsync(app.Services, null, Args("--format", "text", "--name", "Ada"));
        Assert.Equal(0, text.ExitCode);
        Assert.StartsWith("Subject: ", text.Out, StringComparison.Ordinal);
        Assert.Contains("TODAY'S SKY", text.Out, StringComparison.Ordinal);
        Assert.Contains("Ada", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Ascendant", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_evening_reflection_and_the_weekly_overview_are_previewed_too()
    {
        var evening = await CliRun.RunAsync(app.Services, null, ["preview", "evening", .. Args("--birth-time", "08:30", "--format", "json")[2..]]);
        Assert.True(evening.ExitCode == 0, evening.Error);
        using (var json = JsonDocument.Parse(evening.Out))
        {
            var root = json.RootElement;
            Assert.Equal("evening", root.GetProperty("email").GetString());
            Assert.InRange(root.GetProperty("subject").GetString()!.Length, 10, 60);
            var content = root.GetProperty("content");
            Assert.Equal("Tuesday, December 1", content.GetProperty("dateLabel").GetString());
            Assert.InRange(content.GetProperty("questions").GetArrayLength(), 2, 3);
            // The Moon of local noon in Zurich is the one the reflection names.
            var noon = new Ephemeris().Compute(new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.Zero));
            Assert.Contains(noon[Body.Moon].Sign.ToString(), content.GetProperty("reflection").GetString(), StringComparison.Ordinal);
        }

        var weeklyArgs = Args("--locale", "es-ES", "--format", "text").ToList();
        weeklyArgs[1] = "weekly";
        weeklyArgs[weeklyArgs.IndexOf("--tier") + 1] = "free";
        var weekly = await CliRun.RunAsync(app.Services, null, [.. weeklyArgs]);
        Assert.True(weekly.ExitCode == 0, weekly.Error);
        Assert.StartsWith("Subject: ", weekly.Out, StringComparison.Ordinal);
        Assert.Contains("Semana del 29 de noviembre al 5 de diciembre de 2026", weekly.Out, StringComparison.Ordinal);
        Assert.Contains("DÍA A DÍA", weekly.Out, StringComparison.Ordinal);
        Assert.Contains("Ver los planes", weekly.Out, StringComparison.Ordinal);

        var unknown = await CliRun.RunAsync(app.Services, null, ["preview", "monthly", .. Args()[2..]]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Unknown email 'monthly'; preview daily, evening or weekly.", unknown.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--perspective", "zen", "Option --perspective must be one of calm, knowledge, success, evidence")]
    [InlineData("--focus", "career,cooking", "unknown focus area 'cooking'")]
    [InlineData("--date", "01/12/2026", "Option --date must be a date written yyyy-MM-dd")]
    [InlineData("--birth-place", "Zurich", "Option --birth-place must be a GeoNames id")]
    [InlineData("--format", "pdf", "Option --format must be html, text or json")]
    public async Task Bad_arguments_exit_2_with_a_clear_message(string option, string value, string message)
    {
        var args = Args().ToList();
        var at = args.IndexOf(option);
        if (at < 0)
        {
            args.AddRange([option, value]);
        }
        else
        {
            args[at + 1] = value;
        }

        var result = await CliRun.RunAsync(app.Services, null, [.. args]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_subcommand_or_unknown_place_is_refused()
    {
        var noDaily = await CliRun.RunAsync(app.Services, null, "preview", "--date", "2026-12-01");
        Assert.Equal(2, noDaily.ExitCode);
        Assert.Contains("preview daily", noDaily.Error, StringComparison.Ordinal);

        var args = Args().ToList();
        args[args.IndexOf("--birth-place") + 1] = "999999999";
        var unknown = await CliRun.RunAsync(app.Services, null, [.. args]);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No place with GeoNames id 999999999", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reader_email_composer_is_registered()
    {
        Assert.IsType<ReaderEmailComposer>(app.Services.GetService(typeof(IReaderEmailComposer)));
    }
}
