using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Status;

/// <summary>The configured components in page order, and lookup by key or name (case-insensitive) for the operator API.</summary>
public sealed class StatusComponentCatalog
{
    public StatusComponentCatalog(IOptions<StatusOptions> options)
    {
        All = [.. options.Value.Components
            .Select(c => new StatusComponent(StatusComponentKeys.All.First(k => string.Equals(k, c.Key, StringComparison.OrdinalIgnoreCase)), c.Value.Name.Trim(), c.Value.Order))
            .OrderBy(c => c.Order)
            .ThenBy(c => Array.IndexOf(StatusComponentKeys.All, c.Key))];
    }

    /// <summary>Every component, in page order.</summary>
    public IReadOnlyList<StatusComponent> All { get; }

    /// <summary>Finds a component by its key (<c>email-delivery</c>) or its shown name (<c>Email delivery</c>).</summary>
    public bool TryFind(string keyOrName, out StatusComponent component)
    {
        var text = keyOrName.Trim();
        component = All.FirstOrDefault(c => string.Equals(c.Key, text, StringComparison.OrdinalIgnoreCase))
            ?? All.FirstOrDefault(c => string.Equals(c.Name, text, StringComparison.OrdinalIgnoreCase))!;
        return component is not null;
    }

    /// <summary>The shown name of a stored key (the key itself for a key no longer configured).</summary>
    public string NameOf(string key) => All.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase))?.Name ?? key;
}
