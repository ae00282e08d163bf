namespace Astropal.Web.Infrastructure.Cli;

/// <summary>The standard streams of a command; tests pass their own writers and reader.</summary>
public sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error, bool InputRedirected)
{
    public static CliConsole System => new(Console.In, Console.Out, Console.Error, Console.IsInputRedirected);
}
