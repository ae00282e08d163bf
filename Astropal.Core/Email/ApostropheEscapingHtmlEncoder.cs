using System.Text;
using HandlebarsDotNet;

namespace Astropal.Core.Email;

/// <summary>
/// Handlebars.Net's HTML encoder plus the apostrophe (<c>&amp;#39;</c>): the stock encoder leaves <c>'</c> as is,
/// so a value placed in a single-quoted attribute (<c>title='{{Name}}'</c>) could close it and add its own.
/// </summary>
public sealed class ApostropheEscapingHtmlEncoder : ITextEncoder
{
    public const string Apostrophe = "&#39;";

    private readonly HtmlEncoder inner = new();

    public void Encode(StringBuilder? text, TextWriter target) => Encode(text?.ToString(), target);

    public void Encode(string? text, TextWriter target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var start = 0;
        int quote;
        while ((quote = text.IndexOf('\'', start)) >= 0)
        {
            if (quote > start)
            {
                inner.Encode(text[start..quote], target);
            }

            target.Write(Apostrophe);
            start = quote + 1;
        }

        if (start < text.Length)
        {
            inner.Encode(start == 0 ? text : text[start..], target);
        }
    }

    public void Encode<T>(T? text, TextWriter target)
        where T : IEnumerator<char>
    {
        var builder = new StringBuilder();
        while (text is not null && text.MoveNext())
        {
            builder.Append(text.Current);
        }

        Encode(builder.ToString(), target);
    }
}
