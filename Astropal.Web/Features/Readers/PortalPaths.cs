namespace Astropal.Web.Features.Readers;

/// <summary>The addresses of the preferences portal, for pages, endpoints and email links.</summary>
public static class PortalPaths
{
    public const string Home = "/me";
    public const string Link = "/me/link";
    public const string Delete = "/me/delete";
    public const string Data = "/me/data";
    public const string SignOut = "/me/sign-out";

    public static string Perspective(string slug) => $"/me/perspective/{Uri.EscapeDataString(slug)}";

    /// <summary>The "email me a new link" page, saying why the reader is there (<c>expired</c>, <c>used</c>, <c>unknown</c>, <c>signed-out</c>).</summary>
    public static string LinkFor(string reason) => $"{Link}?reason={Uri.EscapeDataString(reason)}";
}
