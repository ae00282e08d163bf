using System.Text;

namespace Astropal.Tests.Web.Runbooks;

/// <summary>
/// An Astropal command line quoted in a documentation page. The rule (also written in docs/runbooks/README.md): inside a
/// fenced code block, after joining <c>\</c> line continuations, a line that starts with <c>./Astropal.Web </c> or
/// <c>dotnet run --project Astropal.Web -- </c> is a command line; its words are read as a POSIX shell would (quotes,
/// backslashes) up to the first unquoted <c>|</c>, <c>;</c>, <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> or a word starting
/// with <c>#</c>. A line that names <c>./Astropal.Web</c> or <c>--project Astropal.Web</c> anywhere else in a code block is
/// reported as not checkable.
/// </summary>
public sealed record RunbookCommandLine(string File, int Line, string Text, IReadOnlyList<string>? Arguments, string? Problem)
{
    public static readonly string[] Prefixes = ["./Astropal.Web", "dotnet run --project Astropal.Web --"];

    public override string ToString() => $"{File}:{Line}: {Text}";

    /// <summary>Every command line of one Markdown document (<paramref name="file"/> names it in reports).</summary>
    public static IReadOnlyList<RunbookCommandLine> Extract(string file, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var found = new List<RunbookCommandLine>();
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string? fence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (fence is null)
            {
                if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
                {
                    fence = trimmed[..3];
                }

                continue;
            }

            if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.Trim(fence[0]).Length == 0)
            {
                fence = null;
                continue;
            }

            var start = i;
            var logical = new StringBuilder(trimmed);
            while (logical.Length > 0 && logical[^1] == '\\' && i + 1 < lines.Length)
            {
                logical.Length--;
                logical.Append(' ').Append(lines[++i].Trim());
            }

            var text = logical.ToString().Trim();
            var prefix = Prefixes.FirstOrDefault(p => text == p || text.StartsWith(p + " ", StringComparison.Ordinal));
            if (prefix is not null)
            {
                var (words, problem) = Words(text[prefix.Length..]);
                found.Add(new RunbookCommandLine(file, start + 1, text, problem is null ? words : null, problem));
            }
            else if (text.Contains("./Astropal.Web", StringComparison.Ordinal) || text.Contains("--project Astropal.Web", StringComparison.Ordinal))
            {
                found.Add(new RunbookCommandLine(file, start + 1, text, null,
                    $"names Astropal.Web but does not start with '{Prefixes[0]} ' or '{Prefixes[1]} ', so it cannot be checked"));
            }
        }

        return found;
    }

    /// <summary>The shell words of <paramref name="text"/> up to the first unquoted operator, or the problem with the quoting.</summary>
    public static (IReadOnlyList<string> Words, string? Problem) Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            if ((!inWord && c == '#') || c is '|' or ';' or '&' or '<' or '>')
            {
                break;
            }

            inWord = true;
            switch (c)
            {
                case '\'':
                {
                    var end = text.IndexOf('\'', i + 1);
                    if (end < 0)
                    {
                        return (words, "a single quote is not closed");
                    }

                    word.Append(text, i + 1, end - i - 1);
                    i = end;
                    break;
                }

                case '"':
                {
                    var closed = false;
                    for (i++; i < text.Length; i++)
                    {
                        if (text[i] == '"')
                        {
                            closed = true;
                            break;
                        }

                        if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`')
                        {
                            i++;
                        }

                        word.Append(text[i]);
                    }

                    if (!closed)
                    {
                        return (words, "a double quote is not closed");
                    }

                    break;
                }

                case '\\' when i + 1 < text.Length:
                    word.Append(text[++i]);
                    break;
                default:
                    word.Append(c);
                    break;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return (words, null);
    }
}
