namespace Astropal.Core.Content;

/// <summary>
/// The email has nothing to say on that date (e.g. a midday digest with no headlines): not an error to
/// retry, delivery records it as skipped with the message.
/// </summary>
public sealed class ContentUnavailableException : Exception
{
    public ContentUnavailableException()
    {
    }

    public ContentUnavailableException(string message)
        : base(message)
    {
    }

    public ContentUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
