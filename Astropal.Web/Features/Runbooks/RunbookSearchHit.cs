namespace Astropal.Web.Features.Runbooks;

/// <summary>A page that matches every word of a search, with a piece of its text around the first match.</summary>
/// <param name="Snippet">The text around the match, split into parts; the parts with <c>Match</c> true are the words searched for.</param>
public sealed record RunbookSearchHit(RunbookDocument Document, IReadOnlyList<(string Text, bool Match)> Snippet);
