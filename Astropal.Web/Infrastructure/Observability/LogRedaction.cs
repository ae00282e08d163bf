using System.Text.RegularExpressions;

namespace Astropal.Web.Infrastructure.Observability;

/// <summary>
/// Replaces the secret part of token-bearing addresses with <c>***</c> before they reach logs or Sentry:
/// the unsubscribe link <c>/u/{token}</c>, the tracking links <c>/t/o/{token}</c> and <c>/t/c/{token}</c>,
/// and <c>t=</c> / <c>token=</c> query values (portal, sign-in, confirmation and invitation links, e.g.
/// <c>/me?t=</c>, <c>/me/perspective/calm?t=</c>, <c>/start/confirm?t=</c>). Whoever reads a log or an
/// error report must not be able to act as the reader the link belongs to.
/// </summary>
public static partial class LogRedaction
{
    public const string Mask = "***";

    /// <summary>Cheap test before the regular expressions run (most log lines hold no address at all).</summary>
    public static bool MayContainToken(string? text) =>
        text is not null
        && (text.Contains("/u/", StringComparison.Ordinal)
            || text.Contains("/t/", StringComparison.Ordinal)
            || text.Contains("t=", StringComparison.Ordinal));

    /// <summary><paramref name="text"/> with every token value replaced by <see cref="Mask"/>.</summary>
    public static string Redact(string text)
    {
        if (!MayContainToken(text))
        {
            return text;
        }

        var masked = TokenPath().Replace(text, "${prefix}" + Mask);
        return TokenQuery().Replace(masked, "${prefix}" + Mask);
    }

    /// <summary>A log value: strings, paths, query strings and URIs are redacted; anything else is kept.</summary>
    public static object? RedactValue(object? value) => value switch
    {
        null => null,
        string s => Redact(s),
        PathString or QueryString or Uri => Redact(value.ToString() ?? ""),
        _ => value,
    };

    public static bool ValueMayContainToken(object? value) => value switch
    {
        string s => MayContainToken(s),
        PathString or QueryString or Uri => MayContainToken(value.ToString()),
        _ => false,
    };

    // "/u/abc", "/t/o/abc", "/t/c/abc" (also inside a full URL); the token runs to the next / ? # & quote or space.
    [GeneratedRegex("""(?<prefix>/(?:u|t/[oc])/)[^/?#&\s"'<>]+""", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPath();

    // "?t=abc", "&t=abc", "?token=abc"
    [GeneratedRegex("""(?<prefix>[?&](?:t|token)=)[^&#\s"'<>]+""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TokenQuery();
}
