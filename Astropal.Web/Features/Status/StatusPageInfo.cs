namespace Astropal.Web.Features.Status;

/// <summary>The public page's name and absolute address, for the JSON <c>page</c> object, links and the Atom feed.</summary>
public sealed record StatusPageInfo(string Name, string Url)
{
    public const string Id = "astropal";
}
