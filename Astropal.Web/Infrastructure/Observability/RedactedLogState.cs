using System.Collections;

namespace Astropal.Web.Infrastructure.Observability;

/// <summary>
/// A log entry's or scope's structured values with token values redacted (<see cref="LogRedaction"/>), and
/// its text redacted the same way; what logger providers (console JSON, Sentry) write in place of the original.
/// </summary>
public sealed class RedactedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] values;
    private readonly string text;

    private RedactedLogState(KeyValuePair<string, object?>[] values, string text)
    {
        this.values = values;
        this.text = text;
    }

    public int Count => values.Length;

    public KeyValuePair<string, object?> this[int index] => values[index];

    /// <summary>The redacted form of <paramref name="state"/>, or null when it holds no token (use it as it is).</summary>
    public static RedactedLogState? For(object? state, string? formatted)
    {
        var list = state as IEnumerable<KeyValuePair<string, object?>>;
        var text = formatted ?? state?.ToString() ?? "";
        if (!LogRedaction.MayContainToken(text) && (list is null || !list.Any(v => LogRedaction.ValueMayContainToken(v.Value))))
        {
            return null;
        }

        var redacted = list is null
            ? []
            : list.Select(v => new KeyValuePair<string, object?>(v.Key, LogRedaction.RedactValue(v.Value))).ToArray();
        return new RedactedLogState(redacted, LogRedaction.Redact(text));
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => text;
}
