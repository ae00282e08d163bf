namespace Astropal.Web.Features.Runbooks;

/// <summary>
/// One page of the runbooks library: a runbook (<c>docs/runbooks/NAME.md</c>) or the incident response plan.
/// <paramref name="Html"/> is rendered with raw HTML disabled and links checked, so the console may show it as markup.
/// </summary>
/// <param name="Name">The file name without <c>.md</c>; the page is <c>/ops/runbooks/NAME</c>.</param>
/// <param name="Title">The first heading, without a leading "Runbook:".</param>
/// <param name="Summary">The first paragraph as plain text, shortened.</param>
/// <param name="Text">The whole page as plain text, for the search.</param>
public sealed record RunbookDocument(string Name, string Title, string Summary, string Html, string Text)
{
    public string Href => RunbookLibrary.PathPrefix + Name;
}
