using Quartz;

namespace Astropal.Web.Features.Jobs;

/// <summary>A scheduled job the console knows: its Quartz key, its schedule in words and what it does.</summary>
public sealed record JobDefinition(JobKey Key, string Schedule, string Purpose)
{
    /// <summary>The name typed on the command line and in the API (<c>delivery-dispatch</c>).</summary>
    public string Name => Key.Name;

    /// <summary>The stored form of the key, <c>group.name</c>.</summary>
    public string Id => Key.ToString();
}
