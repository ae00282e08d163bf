namespace Astropal.Web.Features.Reports;

/// <summary>
/// The voices' distinctness figure over the day's sampled reader-days (see the overview's check): the most alike two
/// voices and the most alike same voice on consecutive days, with their targets. Null figures: not measured
/// (<see cref="Note"/> says why).
/// </summary>
public sealed record DailyReportVoices(int Samples, double? WorstBetweenVoices, double? WorstConsecutiveDays, double BetweenVoicesTarget, double ConsecutiveDaysTarget, bool? Met, string? Note);
