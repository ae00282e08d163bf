using System.Globalization;

namespace Astropal.Web.Features.Reports;

/// <summary>The console routes of the reports.</summary>
public static class DailyReportPaths
{
    public const string List = "/ops/reports";

    public static string Page(DateOnly day) => List + "/" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A <c>yyyy-MM-dd</c> day, or null.</summary>
    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
