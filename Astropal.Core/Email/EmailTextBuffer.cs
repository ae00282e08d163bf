using System.Text;

namespace Astropal.Core.Email;

/// <summary>
/// One large <see cref="StringBuilder"/> per thread for building whole email bodies (an HTML body is about 35,000
/// characters). A new builder per email grows chunk by chunk and is copied once more into the string: about 100 KB of
/// garbage per email, which at hundreds of emails a second is most of the garbage collector's work. Rent, build
/// synchronously (no <c>await</c> in between), then <see cref="ToStringAndReturn"/>. A builder that is not returned
/// (an exception while building) is simply collected.
/// </summary>
public static class EmailTextBuffer
{
    /// <summary>Builders that grew larger than this (in characters) are not kept.</summary>
    public const int MaxKeptCapacity = 256 * 1024;

    [ThreadStatic]
    private static StringBuilder? kept;

    /// <summary>This thread's builder, empty and with room for at least <paramref name="capacity"/> characters.</summary>
    public static StringBuilder Rent(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        var builder = kept;
        if (builder is null)
        {
            return new StringBuilder(capacity);
        }

        kept = null;
        builder.EnsureCapacity(capacity);
        return builder;
    }

    /// <summary>The built text; the builder is emptied and kept for this thread's next email.</summary>
    public static string ToStringAndReturn(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var text = builder.ToString();
        if (builder.Capacity <= MaxKeptCapacity)
        {
            // Clear keeps the capacity in one chunk, so the next email of this size is built without growing.
            builder.Clear();
            kept = builder;
        }

        return text;
    }
}
