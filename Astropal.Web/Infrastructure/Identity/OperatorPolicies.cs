namespace Astropal.Web.Infrastructure.Identity;

public static class OperatorPolicies
{
    public const string Console = "ops.console";
    public const string Admin = "ops.admin";
}
