namespace Astropal.Core.Email;

/// <summary>A template could not be filled: a placeholder names no value of the model, or the template is broken.</summary>
public sealed class EmailTemplateException : Exception
{
    public EmailTemplateException()
    {
    }

    public EmailTemplateException(string message)
        : base(message)
    {
    }

    public EmailTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
