using System.Collections.Frozen;
using Astropal.Core.Email;

namespace Astropal.Web.Infrastructure.Metrics;

/// <summary>Tag values of the <c>astropal</c> instruments: lower-case names, made once rather than per measurement.</summary>
internal static class MetricTags
{
    private static readonly FrozenDictionary<EmailTemplate, string> Kinds =
        Enum.GetValues<EmailTemplate>().ToFrozenDictionary(k => k, k => Lower(k.ToString()));

    public static string Kind(EmailTemplate kind) => Kinds.TryGetValue(kind, out var name) ? name : Lower(kind.ToString());

    /// <summary><c>InvalidAnswer</c> → <c>invalid_answer</c>, as OpenTelemetry attribute values usually read.</summary>
    public static string Lower(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
