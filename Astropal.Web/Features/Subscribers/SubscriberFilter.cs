using Astropal.Core.Readers;

namespace Astropal.Web.Features.Subscribers;

/// <summary>How the subscribers list is ordered.</summary>
public enum SubscriberSort
{
    /// <summary>Newest sign-ups first.</summary>
    SignedUpNewest,
    SignedUpOldest,

    /// <summary>Most recently active first; readers never active last.</summary>
    LastActivityNewest,
    LastActivityOldest,
}

/// <summary>
/// One page of the subscribers list: a search over email and name, filters, an order and a page.
/// A null filter matches every value. <see cref="Cohort"/> <see cref="SubscriberFilter.NoCohort"/> matches readers without one.
/// </summary>
public sealed record SubscriberFilter(
    string? Search = null,
    ReaderStatus? Status = null,
    Core.Billing.Tier? Tier = null,
    PerspectiveId? Perspective = null,
    string? Locale = null,
    string? Cohort = null,
    SubscriberSort Sort = SubscriberSort.SignedUpNewest,
    int Page = 0,
    int PageSize = 25)
{
    /// <summary>The cohort filter value for readers outside every cohort.</summary>
    public const string NoCohort = "(none)";

    public const int MaxPageSize = 200;
}
