namespace Astropal.Web.Features.Status;

/// <summary>
/// The status page's components by stable key: the key is what the database stores and what <c>/status.json</c> gives as a
/// component's <c>id</c>; the shown name and the order come from <c>Status:Components:&lt;key&gt;:Name</c> and <c>:Order</c>.
/// </summary>
public static class StatusComponentKeys
{
    public const string Website = "website";

    public const string SignUp = "signup";

    public const string EmailDelivery = "email-delivery";

    public const string ContentGeneration = "content-generation";

    public const string Scheduler = "scheduler";

    public const string Database = "database";

    /// <summary>Every key, in the default order.</summary>
    public static readonly string[] All = [Website, SignUp, EmailDelivery, ContentGeneration, Scheduler, Database];
}
