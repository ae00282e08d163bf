namespace Astropal.Web.Features.Status;

/// <summary>A configured status-page component: stable key, shown name, position.</summary>
public sealed record StatusComponent(string Key, string Name, int Order);
