using System.Globalization;

namespace Astropal.Web.Infrastructure.Cli;

/// <summary>
/// The arguments after the verb: <c>--name value</c> pairs and bare <c>--flag</c>s.
/// Commands read what they accept and call <see cref="EnsureAllUsed"/> so that a
/// misspelt option is an error rather than silently ignored. A command reads every argument and calls
/// <see cref="EnsureAllUsed"/> before it does anything, so that a parse-only check (<see cref="ParseOnly"/>) runs nothing.
/// </summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = [];
    private int _positionalsRead;
    private bool _parseOnly;

    private CliArguments() { }

    /// <summary>The word after the verb (<c>preview daily</c>), for commands that accept one.</summary>
    public string? Subcommand { get; private set; }

    /// <summary>
    /// Arguments for a check that runs nothing (<see cref="CliHost.CheckAsync"/>): <see cref="EnsureAllUsed"/> throws
    /// <see cref="CliArgumentsAcceptedException"/> once every argument was read, so the command stops before acting.
    /// </summary>
    public static CliArguments ParseOnly(IReadOnlyList<string> args, bool allowSubcommand = false)
    {
        var result = Parse(args, allowSubcommand);
        result._parseOnly = true;
        return result;
    }

    public static CliArguments Parse(IReadOnlyList<string> args, bool allowSubcommand = false)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new CliArguments();
        var first = 0;
        if (allowSubcommand && args.Count > 0 && !args[0].StartsWith("--", StringComparison.Ordinal))
        {
            result.Subcommand = args[0];
            first = 1;
        }

        for (var i = first; i < args.Count; i++)
        {
            var token = args[i];
            if (allowSubcommand && !token.StartsWith("--", StringComparison.Ordinal))
            {
                // Words after the subcommand (`jobs pause NAME`); a command reads them with Positional.
                result._positionals.Add(token);
                continue;
            }

            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                throw new CliUsageException($"Unexpected argument '{token}'. Options are written --name value.");
            }

            string name;
            string? value;
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                name = token[2..equals];
                value = token[(equals + 1)..];
            }
            else
            {
                name = token[2..];
                value = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            }

            if (!result._values.TryAdd(name, value))
            {
                throw new CliUsageException($"Option --{name} is given more than once.");
            }
        }

        return result;
    }

    /// <summary>The next word after the subcommand (<c>jobs pause NAME</c>), or null when there is none.</summary>
    public string? Positional() =>
        _positionalsRead < _positionals.Count ? _positionals[_positionalsRead++] : null;

    public string Required(string name) =>
        Optional(name) ?? throw new CliUsageException($"Option --{name} is required.");

    public string? Optional(string name)
    {
        _used.Add(name);
        if (!_values.TryGetValue(name, out var value))
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(value)
            ? throw new CliUsageException($"Option --{name} needs a value.")
            : value;
    }

    public bool Flag(string name)
    {
        _used.Add(name);
        if (!_values.TryGetValue(name, out var value))
        {
            return false;
        }

        return value is null ? true : throw new CliUsageException($"Option --{name} takes no value (got '{value}').");
    }

    public double? OptionalDouble(string name)
    {
        var text = Optional(name);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new CliUsageException($"Option --{name} must be a number (got '{text}').");
    }

    public TEnum? OptionalEnum<TEnum>(string name) where TEnum : struct, Enum
    {
        var text = Optional(name);
        if (text is null)
        {
            return null;
        }

        return Enum.TryParse<TEnum>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new CliUsageException(
                $"Option --{name} must be one of {string.Join(", ", Enum.GetNames<TEnum>())} (got '{text}').");
    }

    public void EnsureAllUsed()
    {
        if (_positionalsRead < _positionals.Count)
        {
            throw new CliUsageException($"Unexpected argument '{_positionals[_positionalsRead]}'. Options are written --name value.");
        }

        var unknown = _values.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException($"Unknown option{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown.Select(u => "--" + u))}.");
        }

        if (_parseOnly)
        {
            throw new CliArgumentsAcceptedException();
        }
    }
}
