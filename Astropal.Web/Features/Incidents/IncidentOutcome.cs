namespace Astropal.Web.Features.Incidents;

/// <summary>
/// How a change to an incident or a maintenance window ended: done (with the row's id), no such row, or refused with the
/// reasons per field (nothing was changed). <see cref="Errors"/> keys are the API's field names (<c>severity</c>,
/// <c>components.Email delivery</c>, <c>status</c>, …) so the API answers a validation problem naming the field.
/// </summary>
public sealed record IncidentOutcome(bool Found, long? Id, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly IReadOnlyDictionary<string, string[]> None = new Dictionary<string, string[]>();

    public static IncidentOutcome NotFound(string what) => new(false, null, new Dictionary<string, string[]> { ["id"] = [what] });

    public static IncidentOutcome Done(long id) => new(true, id, None);

    public static IncidentOutcome Refused(string field, string reason) => new(true, null, new Dictionary<string, string[]> { [field] = [reason] });

    public static IncidentOutcome Refused(IReadOnlyDictionary<string, string[]> errors) => new(true, null, errors);

    public bool Succeeded => Found && Errors.Count == 0;

    /// <summary>Every reason in one sentence list (for the console and the problem's <c>detail</c>).</summary>
    public string Message => string.Join(" ", Errors.SelectMany(e => e.Value));
}
