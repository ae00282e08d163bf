namespace Astropal.Web.Features.OperatorApi;

/// <summary>A reader's engagement: emails sent, human first opens (one per email) and clicks.</summary>
public sealed record ReaderEngagement(int Sent, int Opens, int Clicks);
