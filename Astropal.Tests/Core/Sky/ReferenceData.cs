using System.Globalization;

namespace Astropal.Tests.Core.Sky;

/// <summary>Reads the reference CSVs of Core/Sky/Reference (see the README there).</summary>
internal static class ReferenceData
{
    private static readonly Lazy<IReadOnlyList<IReadOnlyDictionary<string, string>>> LazyPositions = new(() => Read("positions-dev.csv"));
    private static readonly Lazy<IReadOnlyList<IReadOnlyDictionary<string, string>>> LazyEvents = new(() => Read("sign-ingresses-2026-2027.csv"));

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Positions => LazyPositions.Value;

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Events => LazyEvents.Value;

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Core", "Sky", "Reference", file);

    public static double Number(this IReadOnlyDictionary<string, string> row, string column) =>
        double.Parse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(this IReadOnlyDictionary<string, string> row, string column = "utc_instant") =>
        DateTimeOffset.Parse(row[column], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static List<IReadOnlyDictionary<string, string>> Read(string file)
    {
        var lines = File.ReadAllLines(PathOf(file));
        var header = lines[0].Split(',');
        return lines.Skip(1)
            .Where(l => l.Length > 0)
            .Select(l =>
            {
                var cells = l.Split(',');
                return (IReadOnlyDictionary<string, string>)header.Select((h, i) => (h, v: i < cells.Length ? cells[i] : ""))
                    .ToDictionary(x => x.h, x => x.v, StringComparer.Ordinal);
            })
            .ToList();
    }
}
