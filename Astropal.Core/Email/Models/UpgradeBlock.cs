namespace Astropal.Core.Email.Models;

/// <summary>The short, honest upgrade block of the free tier.</summary>
public sealed record UpgradeBlock(string Headline, string Text, string ButtonLabel, string Url);
