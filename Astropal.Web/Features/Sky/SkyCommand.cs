using System.Globalization;
using System.Text;
using Astropal.Core.Sky;
using Astropal.Web.Infrastructure.Cli;

namespace Astropal.Web.Features.Sky;

/// <summary>
/// <c>sky --input IN.csv --output OUT.csv</c> computes the reference columns of
/// <c>positions-dev.csv</c> for rows <c>id,utc_instant,latitude,longitude</c>;
/// <c>sky --at UTC --lat LAT --lon LON</c> prints the sky for one instant and place.
/// </summary>
internal sealed class SkyCommand(Ephemeris ephemeris, HouseCalculator houses) : ICliCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly DateTimeOffset Earliest = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2101, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public string Name => "sky";

    public string Synopsis => "sky --input IN.csv --output OUT.csv | sky --at 2026-12-01T06:00:00Z --lat 51.5 --lon -0.13";

    public string Description => "Computes planet positions, Moon phase, Ascendant, MC and house cusps (1900–2100) for a CSV of instants and places, or prints them for one.";

    public async Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        var input = arguments.Optional("input");
        var output = arguments.Optional("output");
        var at = arguments.Optional("at");
        var lat = arguments.OptionalDouble("lat");
        var lon = arguments.OptionalDouble("lon");
        arguments.EnsureAllUsed();

        if (input is not null)
        {
            if (output is null)
            {
                throw new CliUsageException("Option --output is required with --input.");
            }

            if (at is not null || lat is not null || lon is not null)
            {
                throw new CliUsageException("Give either --input/--output or --at/--lat/--lon, not both.");
            }

            return await ConvertFileAsync(input, output, console, cancellationToken);
        }

        if (output is not null)
        {
            throw new CliUsageException("Option --input is required with --output.");
        }

        if (at is null)
        {
            throw new CliUsageException("Give --input IN.csv --output OUT.csv, or --at UTC --lat LAT --lon LON.");
        }

        if (!TryParseInstant(at, out var utc, out var instantError))
        {
            throw new CliUsageException($"Option --at: {instantError}");
        }

        var latitude = lat ?? throw new CliUsageException("Option --lat is required with --at.");
        var longitude = lon ?? throw new CliUsageException("Option --lon is required with --at.");
        if (LatitudeError(latitude) is { } latError)
        {
            throw new CliUsageException($"Option --lat: {latError}");
        }

        if (LongitudeError(longitude) is { } lonError)
        {
            throw new CliUsageException($"Option --lon: {lonError}");
        }

        await console.Out.WriteAsync(FormatTable(utc, latitude, longitude).AsMemory(), cancellationToken);
        return 0;
    }

    private static string Header()
    {
        var columns = new List<string> { "id" };
        foreach (var body in Bodies.All)
        {
            var name = body.ToString().ToLowerInvariant();
            columns.Add($"{name}_lon");
            columns.Add($"{name}_motion_24h");
            columns.Add($"{name}_retro");
        }

        columns.AddRange(["moon_phase_angle", "moon_illum_fraction", "asc", "mc", "ramc", "whole_sign_house1"]);
        columns.AddRange(Enumerable.Range(1, 12).Select(i => $"placidus_c{i}"));
        return string.Join(',', columns);
    }

    private async Task<int> ConvertFileAsync(string input, string output, CliConsole console, CancellationToken cancellationToken)
    {
        string[] lines;
        try
        {
            lines = await File.ReadAllLinesAsync(input, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"{input}: cannot read: {e.Message}");
            return 1;
        }

        if (lines.Length == 0 || !string.Equals(lines[0].Trim().Replace(" ", "", StringComparison.Ordinal), "id,utc_instant,latitude,longitude", StringComparison.OrdinalIgnoreCase))
        {
            await console.Error.WriteLineAsync($"{input}:1: the header must be id,utc_instant,latitude,longitude");
            return 1;
        }

        var result = new StringBuilder();
        result.Append(Header()).Append('\n');
        var rows = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var (id, utc, latitude, longitude, error) = ParseRow(lines[i]);
            if (error is not null)
            {
                await console.Error.WriteLineAsync($"{input}:{i + 1}: {error}");
                return 1;
            }

            AppendRow(result, id, utc, latitude, longitude);
            rows++;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(output))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(output)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, result.ToString(), new UTF8Encoding(false), cancellationToken);
            File.Move(temporary, output, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            File.Delete(temporary);
            if (e is OperationCanceledException)
            {
                throw;
            }

            await console.Error.WriteLineAsync($"{output}: cannot write: {e.Message}");
            return 1;
        }

        await console.Out.WriteLineAsync($"Wrote {rows} row{(rows == 1 ? "" : "s")} to {output}.");
        return 0;
    }

    private static (string Id, DateTimeOffset Utc, double Latitude, double Longitude, string? Error) ParseRow(string line)
    {
        var cells = line.Split(',');
        if (cells.Length != 4)
        {
            return ("", default, 0, 0, $"expected 4 fields (id,utc_instant,latitude,longitude), found {cells.Length}");
        }

        var id = cells[0].Trim();
        if (id.Length == 0)
        {
            return ("", default, 0, 0, "the id is empty");
        }

        if (!TryParseInstant(cells[1].Trim(), out var utc, out var instantError))
        {
            return (id, default, 0, 0, $"utc_instant: {instantError}");
        }

        if (!double.TryParse(cells[2].Trim(), NumberStyles.Float, Invariant, out var latitude) || LatitudeError(latitude) is not null)
        {
            return (id, default, 0, 0, $"latitude '{cells[2].Trim()}' must be a number within -90…90");
        }

        if (!double.TryParse(cells[3].Trim(), NumberStyles.Float, Invariant, out var longitude) || LongitudeError(longitude) is not null)
        {
            return (id, default, 0, 0, $"longitude '{cells[3].Trim()}' must be a number within -180…180 (east positive)");
        }

        return (id, utc, latitude, longitude, null);
    }

    private static bool TryParseInstant(string text, out DateTimeOffset utc, out string error)
    {
        error = "";
        if (!DateTimeOffset.TryParse(text, Invariant, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out utc))
        {
            error = $"'{text}' is not an ISO 8601 instant such as 2026-12-01T06:00:00Z";
            return false;
        }

        if (utc < Earliest || utc >= Latest)
        {
            error = $"'{text}' is outside 1900–2100";
            return false;
        }

        return true;
    }

    private static string? LatitudeError(double latitude) =>
        double.IsFinite(latitude) && Math.Abs(latitude) <= 90 ? null : "latitude must be within -90…90";

    private static string? LongitudeError(double longitude) =>
        double.IsFinite(longitude) && Math.Abs(longitude) <= 180 ? null : "longitude must be within -180…180 (east positive)";

    private static string Degrees(double value) => Angle.Normalize(value).ToString("0.000000", Invariant);

    private void AppendRow(StringBuilder result, string id, DateTimeOffset utc, double latitude, double longitude)
    {
        var sky = ephemeris.Compute(utc);
        var cusps = houses.Compute(sky, latitude, longitude);
        result.Append(id);
        foreach (var body in Bodies.All)
        {
            var motion = ephemeris.Motion24h(body, utc);
            var retrograde = motion < 0 && !body.IsLuminary();
            result.Append(',').Append(Degrees(sky[body].Longitude))
                .Append(',').Append(motion.ToString("0.000000", Invariant))
                .Append(',').Append(retrograde ? '1' : '0');
        }

        result.Append(',').Append(Degrees(sky.Moon.PhaseAngle))
            .Append(',').Append(sky.Moon.IlluminatedFraction.ToString("0.000000", Invariant))
            .Append(',').Append(Degrees(cusps.Ascendant))
            .Append(',').Append(Degrees(cusps.Midheaven))
            .Append(',').Append(Degrees(cusps.Ramc))
            .Append(',').Append(Degrees(cusps.WholeSignCusps[0]));
        for (var i = 0; i < 12; i++)
        {
            result.Append(',');
            if (cusps.PlacidusCusps is { } placidus)
            {
                result.Append(Degrees(placidus[i]));
            }
        }

        result.Append('\n');
    }

    private string FormatTable(DateTimeOffset utc, double latitude, double longitude)
    {
        var sky = ephemeris.Compute(utc);
        var cusps = houses.Compute(sky, latitude, longitude);
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"Sky at {utc:yyyy-MM-ddTHH:mm:ssZ}  latitude {latitude:0.0000}  longitude {longitude:0.0000}  (ΔT {sky.DeltaTSeconds:0.0} s)");
        text.AppendLine();
        text.AppendLine(Invariant, $"{"Body",-9} {"Longitude",11}  {"Position",-18} {"Motion/day",11}  {"House",5}");
        foreach (var position in sky.Positions)
        {
            text.AppendLine(Invariant, $"{position.Body,-9} {position.Longitude,10:0.0000}°  {Zodiac.Format(position.Longitude),-18} {position.DailyMotion,10:+0.0000;-0.0000}°  {cusps.HouseOf(position.Longitude),5}{(position.IsRetrograde ? "  retrograde" : "")}");
        }

        text.AppendLine();
        text.AppendLine(Invariant, $"Moon phase   {sky.Moon.Name.Display()} ({sky.Moon.PhaseAngle:0.00}°), {sky.Moon.IlluminatedFraction * 100:0.0}% illuminated");
        text.AppendLine(Invariant, $"Ascendant    {Zodiac.Format(cusps.Ascendant)} ({cusps.Ascendant:0.0000}°)");
        text.AppendLine(Invariant, $"Midheaven    {Zodiac.Format(cusps.Midheaven)} ({cusps.Midheaven:0.0000}°)");
        text.AppendLine(Invariant, $"RAMC         {cusps.Ramc:0.0000}°");
        text.AppendLine();
        text.AppendLine(cusps.IsPlacidusDefined
            ? "Houses (Placidus; Whole Sign in brackets)"
            : "Houses (Placidus is undefined beyond the polar circles; Whole Sign)");
        for (var i = 0; i < 12; i++)
        {
            var placidus = cusps.PlacidusCusps is { } p ? Zodiac.Format(p[i]) : "-";
            text.AppendLine(Invariant, $"{i + 1,2}  {placidus,-18} [{Zodiac.Format(cusps.WholeSignCusps[i])}]");
        }

        return text.ToString();
    }
}
