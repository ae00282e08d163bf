using Astropal.Core.Email.Models;

namespace Astropal.Core.Content;

/// <summary>
/// Lays the shared layer over the reader's own: an LLM sign segment gives the subject, preheader, snippet, the
/// greeting's lead (after the reader's own salutation), the voice's sections and the practice; an LLM focus
/// segment gives that area's guidance. The reader's sky facts and transits (aspect, orb, exact time) always stay.
/// An offline segment changes nothing: the offline composer already wrote those parts for this reader's own sky.
/// </summary>
public static class SegmentOverlay
{
    /// <param name="personal">The reader's email from the offline composer (the per-reader layer).</param>
    /// <param name="sign">The segment of the reader's Sun sign.</param>
    /// <param name="focus">The segments of the reader's focus areas, in the order of <see cref="DailyContent.FocusGuidance"/>.</param>
    public static DailyContent Apply(DailyContent personal, SegmentText sign, IReadOnlyList<SegmentText> focus)
    {
        ArgumentNullException.ThrowIfNull(personal);
        ArgumentNullException.ThrowIfNull(sign);
        ArgumentNullException.ThrowIfNull(focus);
        var used = new[] { sign }.Concat(focus).ToList();
        var result = personal with
        {
            FocusGuidance = personal.FocusGuidance
                .Select((f, i) => i < focus.Count && !focus[i].IsOffline ? f with { Text = string.Join(" ", focus[i].Content.Sections.Select(s => s.Body)) } : f)
                .ToList(),
        };

        if (!sign.IsOffline && sign.Content.Sections.Count > 0)
        {
            var sections = sign.Content.Sections;
            result = result with
            {
                Subject = sign.Content.Subject,
                Preheader = sign.Content.Preheader,
                Snippet = sign.Content.Snippet,
                Greeting = (personal.Salutation + " " + sections[0].Body).Trim(),
                Practice = sections.Count >= 2 ? new Practice(sections[^1].Heading, sections[^1].Body) : personal.Practice,
                Sections = sections,
                Message = sections.Count >= 3 ? sections.Skip(1).Take(sections.Count - 2).ToList() : [],
            };
        }

        var llm = used.Where(s => !s.IsOffline).ToList();
        var source = llm.FirstOrDefault();
        return result with
        {
            Provider = source?.Provider ?? personal.Provider,
            Model = source?.Model ?? personal.Model,
            InputTokens = llm.Sum(s => s.InputTokens),
            OutputTokens = llm.Sum(s => s.OutputTokens),
            Segments = used.Select(s => new SegmentUse(s.Key.ToString(), s.Provider, s.Model, s.InputTokens, s.OutputTokens)).ToList(),
        };
    }
}
