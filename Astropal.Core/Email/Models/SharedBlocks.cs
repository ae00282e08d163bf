namespace Astropal.Core.Email.Models;

/// <summary>A label and its detail, e.g. "Moon" / "Waxing gibbous in Gemini, 71% illuminated".</summary>
public sealed record LabelledFact(string Label, string Detail);

/// <summary>The short, honest upgrade block of the free tier.</summary>
public sealed record UpgradeBlock(string Headline, string Text, string ButtonLabel, string Url);

/// <summary>A news headline retold through the reader's sky.</summary>
public sealed record NewsItem(string Headline, string Source, string Url, string Take);

/// <summary>A plan as listed in the trial emails; the price comes from configuration.</summary>
public sealed record PlanSummary(string Name, string Price, string Description);
