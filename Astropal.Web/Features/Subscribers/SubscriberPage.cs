namespace Astropal.Web.Features.Subscribers;

/// <summary>A page of readers and how many match the filter in all.</summary>
public sealed record SubscriberPage(IReadOnlyList<SubscriberRow> Rows, int Total);
