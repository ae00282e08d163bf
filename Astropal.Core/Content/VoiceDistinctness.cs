using Astropal.Core.Readers;

namespace Astropal.Core.Content;

/// <summary>
/// The voice-distinctness figure of a day (issue 4 "Done when"): for each sampled reader, Jaccard
/// similarity of word 3-grams of <see cref="DailyContent.VoiceText"/> between the four voices on the day,
/// and between the same voice on the day and the day before.
/// </summary>
/// <param name="Readers">Readers measured.</param>
/// <param name="Pairs">Voice pairs measured (6 per reader).</param>
public sealed record VoiceDistinctnessFigure(
    int Readers,
    int Pairs,
    double WorstBetweenVoices,
    double MeanBetweenVoices,
    double WorstConsecutiveDays,
    double MeanConsecutiveDays)
{
    /// <summary>Most alike two voices may be for the same reader and day.</summary>
    public const double BetweenVoicesTarget = 0.10;

    /// <summary>Most alike the same voice may be on consecutive days.</summary>
    public const double ConsecutiveDaysTarget = 0.30;

    public bool BetweenVoicesMet => WorstBetweenVoices <= BetweenVoicesTarget;

    public bool ConsecutiveDaysMet => WorstConsecutiveDays <= ConsecutiveDaysTarget;
}

public static class VoiceDistinctness
{
    /// <summary>
    /// Composes each request in the four voices for its date and the day before with <paramref name="compose"/>
    /// (the same path the emails take) and measures them.
    /// </summary>
    public static async Task<VoiceDistinctnessFigure> MeasureAsync(
        IReadOnlyList<DailyContentRequest> requests,
        Func<DailyContentRequest, CancellationToken, Task<DailyContent>> compose,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(compose);
        var between = new List<double>();
        var consecutive = new List<double>();
        var perspectives = Enum.GetValues<PerspectiveId>();
        foreach (var request in requests)
        {
            var today = new List<string>(perspectives.Length);
            foreach (var perspective in perspectives)
            {
                var voice = request with { Perspective = perspective };
                var text = (await compose(voice, cancellationToken)).VoiceText;
                var yesterday = (await compose(voice with { LocalDate = request.LocalDate.AddDays(-1) }, cancellationToken)).VoiceText;
                today.Add(text);
                consecutive.Add(VoiceSimilarity.Jaccard(yesterday, text));
            }

            for (var i = 0; i < today.Count; i++)
            {
                for (var j = i + 1; j < today.Count; j++)
                {
                    between.Add(VoiceSimilarity.Jaccard(today[i], today[j]));
                }
            }
        }

        return new VoiceDistinctnessFigure(
            requests.Count,
            between.Count,
            between.DefaultIfEmpty().Max(),
            between.DefaultIfEmpty().Average(),
            consecutive.DefaultIfEmpty().Max(),
            consecutive.DefaultIfEmpty().Average());
    }
}
