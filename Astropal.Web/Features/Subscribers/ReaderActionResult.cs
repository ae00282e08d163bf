namespace Astropal.Web.Features.Subscribers;

/// <summary>What an operator action did: <see cref="Done"/> false means nothing changed, and <see cref="Message"/> says why.</summary>
public sealed record ReaderActionResult(bool Done, string Message)
{
    public static ReaderActionResult Ok(string message) => new(true, message);

    public static ReaderActionResult Refused(string message) => new(false, message);

    public static ReaderActionResult NoSuchReader { get; } = new(false, "There is no such reader (or they deleted their account).");
}
