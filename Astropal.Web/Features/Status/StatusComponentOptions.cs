namespace Astropal.Web.Features.Status;

/// <summary>One component's settings: <c>Status:Components:&lt;key&gt;:Name</c> and <c>:Order</c>.</summary>
public sealed class StatusComponentOptions
{
    /// <summary>The name shown on the status page and accepted by the operator API.</summary>
    public string Name { get; set; } = "";

    /// <summary>Position on the page, smallest first.</summary>
    public int Order { get; set; }
}
