using System.Globalization;
using Astropal.Core.Sky;
using Astropal.Tests.Core.Sky;
using Astropal.Web.Features.Sky;
using Astropal.Web.Infrastructure.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Astropal.Tests.Web.Sky;

public sealed class SkyCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("astropal-sky-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        _out.Dispose();
        _error.Dispose();
    }

    private static SkyCommand NewCommand() => new(new Ephemeris(), new HouseCalculator());

    private CliConsole Console => new(new StringReader(""), _out, _error, false);

    private Task<int> Run(params string[] args) => NewCommand().RunAsync(CliArguments.Parse(args), Console, CancellationToken.None);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public async Task Csv_output_has_the_reference_columns_and_values()
    {
        var rows = ReferenceData.Positions.Take(12).ToList();
        await File.WriteAllLinesAsync(PathOf("in.csv"), ["id,utc_instant,latitude,longitude", .. rows.Select(r => $"{r["id"]},{r["utc_instant"]},{r["latitude"]},{r["longitude"]}")]);

        var exit = await Run("--input", PathOf("in.csv"), "--output", PathOf("out.csv"));

        Assert.Equal(0, exit);
        Assert.Equal("", _error.ToString());
        var lines = await File.ReadAllLinesAsync(PathOf("out.csv"));
        var header = lines[0].Split(',');
        Assert.Equal(13, lines.Length);
        foreach (var (line, reference) in lines.Skip(1).Zip(rows))
        {
            var cells = header.Zip(line.Split(',')).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal);
            Assert.Equal(reference["id"], cells["id"]);
            foreach (var column in header.Skip(1))
            {
                Assert.True(reference.ContainsKey(column), $"column {column} is not in positions-dev.csv");
                var ours = double.Parse(cells[column], CultureInfo.InvariantCulture);
                var theirs = reference.Number(column);
                var tolerance = column.EndsWith("_retro", StringComparison.Ordinal) ? 0 : column.Contains("motion", StringComparison.Ordinal) ? 0.002 : column == "moon_illum_fraction" ? 0.0005 : 0.011;
                var difference = column.EndsWith("_motion_24h", StringComparison.Ordinal) || column.EndsWith("_retro", StringComparison.Ordinal) || column == "moon_illum_fraction"
                    ? Math.Abs(ours - theirs)
                    : Math.Abs(Angle.Wrap180(ours - theirs));
                Assert.True(difference <= tolerance, $"row {reference["id"]} {column}: {ours} vs {theirs}");
                Assert.True(ours is >= -180 and < 360);
            }
        }

        Assert.Contains("Wrote 12 rows", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_row_is_reported_with_its_line_number_and_nothing_is_written()
    {
        await File.WriteAllLinesAsync(PathOf("in.csv"),
        [
            "id,utc_instant,latitude,longitude",
            "1,2026-12-01T06:00:00Z,51.5,-0.13",
            "2,2026-13-01T06:00:00Z,51.5,-0.13",
        ]);

        var exit = await Run("--input", PathOf("in.csv"), "--output", PathOf("out.csv"));

        Assert.Equal(1, exit);
        Assert.Contains("in.csv:3:", _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("out.csv")));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Theory]
    [InlineData("1,2026-12-01T06:00:00Z,95,0", "latitude")]
    [InlineData("1,2026-12-01T06:00:00Z,10,200", "longitude")]
    [InlineData("1,1850-12-01T06:00:00Z,10,20", "outside 1900–2100")]
    [InlineData("1,2026-12-01T06:00:00Z,10", "expected 4 fields")]
    public async Task Invalid_values_name_the_problem(string row, string expected)
    {
        await File.WriteAllLinesAsync(PathOf("in.csv"), ["id,utc_instant,latitude,longitude", row]);

        var exit = await Run("--input", PathOf("in.csv"), "--output", PathOf("out.csv"));

        Assert.Equal(1, exit);
        Assert.Contains(expected, _error.ToString(), StringComparison.Ordinal);
        Assert.Contains(":2:", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Beyond_the_polar_circle_the_placidus_columns_are_empty()
    {
        await File.WriteAllLinesAsync(PathOf("in.csv"), ["id,utc_instant,latitude,longitude", "north,2026-06-21T12:00:00Z,78.22,15.65"]);

        Assert.Equal(0, await Run("--input", PathOf("in.csv"), "--output", PathOf("out.csv")));

        var lines = await File.ReadAllLinesAsync(PathOf("out.csv"));
        var cells = lines[0].Split(',').Zip(lines[1].Split(',')).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal);
        Assert.Equal("", cells["placidus_c1"]);
        Assert.Equal("", cells["placidus_c12"]);
        Assert.NotEqual("", cells["asc"]);
    }

    [Fact]
    public async Task A_wrong_header_is_an_error_on_line_1()
    {
        await File.WriteAllLinesAsync(PathOf("in.csv"), ["when,where", "1,2"]);

        Assert.Equal(1, await Run("--input", PathOf("in.csv"), "--output", PathOf("out.csv")));
        Assert.Contains("in.csv:1:", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_prints_a_readable_table_with_signs_degrees_and_houses()
    {
        var exit = await Run("--at", "2026-12-01T06:00:00Z", "--lat", "51.5", "--lon", "-0.13");

        Assert.Equal(0, exit);
        var text = _out.ToString();
        Assert.Contains("Sun", text, StringComparison.Ordinal);
        Assert.Contains("Sagittarius", text, StringComparison.Ordinal);
        Assert.Contains("Ascendant", text, StringComparison.Ordinal);
        Assert.Contains("Placidus", text, StringComparison.Ordinal);
        Assert.Matches(@"\d+°\d\d′ \w+", text);
        // 2026-12-01 06:00Z: the Moon-Sun elongation is 269.9°, a last quarter half lit.
        Assert.Matches(@"Moon phase\s+Last quarter \(269\.9\d°\), 50\.\d% illuminated", text);
    }

    [Theory]
    [InlineData("--input in.csv")]
    [InlineData("--output out.csv")]
    [InlineData("--at 2026-12-01T06:00:00Z --lat 51.5")]
    [InlineData("--at yesterday --lat 51.5 --lon 0")]
    [InlineData("--at 2026-12-01T06:00:00Z --lat 91 --lon 0")]
    [InlineData("--at 2026-12-01T06:00:00Z --lat 51.5 --lon 0 --colour")]
    [InlineData("")]
    public async Task Bad_arguments_throw_a_usage_exception(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        await Assert.ThrowsAsync<CliUsageException>(() => Run(args));
    }
}

public sealed class SkySetupTests
{
    [Fact]
    public void AddAstropalSky_registers_the_sky_services_and_the_command()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddAstropalSky();
        using var services = builder.Services.BuildServiceProvider();

        Assert.Contains(services.GetServices<ICliCommand>(), c => c.Name == "sky");
        Assert.NotNull(services.GetRequiredService<NatalChartCalculator>());
        Assert.NotNull(services.GetRequiredService<TransitFinder>());
        Assert.NotNull(services.GetRequiredService<SkyEventFinder>());
    }
}
