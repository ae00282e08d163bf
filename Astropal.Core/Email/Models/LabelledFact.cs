namespace Astropal.Core.Email.Models;

/// <summary>A label and its detail, e.g. "Moon" / "Waxing gibbous in Gemini, 71% illuminated".</summary>
public sealed record LabelledFact(string Label, string Detail);
