namespace Astropal.Web.Infrastructure.Identity;

public static class OperatorRoles
{
    public const string Admin = "Admin";
    public const string Operator = "Operator";

    public static IReadOnlyList<string> All { get; } = [Admin, Operator];

    /// <summary>Roles that may open the console (comma form for <c>[Authorize(Roles = ...)]</c>).</summary>
    public const string Console = Admin + "," + Operator;
}
