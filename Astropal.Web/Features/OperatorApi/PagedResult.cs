namespace Astropal.Web.Features.OperatorApi;

/// <summary>One page of a list: <see cref="Page"/> counts from 1; <see cref="Total"/> is the number of matches.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
