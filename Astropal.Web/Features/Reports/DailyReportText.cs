using System.Globalization;

namespace Astropal.Web.Features.Reports;

/// <summary>Sentences of the report shared by the email and the console page.</summary>
public static class DailyReportText
{
    public static string Voices(DailyReportVoices voices)
    {
        ArgumentNullException.ThrowIfNull(voices);
        if (voices.WorstBetweenVoices is not { } between || voices.WorstConsecutiveDays is not { } consecutive)
        {
            return voices.Note ?? "Not measured.";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"Over {voices.Samples} reader-day(s): most alike two voices {between:0.000} (target ≤ {voices.BetweenVoicesTarget:0.00}), " +
            $"same voice on consecutive days {consecutive:0.000} (target ≤ {voices.ConsecutiveDaysTarget:0.00}): {(voices.Met == true ? "met" : "not met")}.");
    }
}
