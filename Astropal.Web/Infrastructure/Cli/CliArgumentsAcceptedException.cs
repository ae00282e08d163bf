namespace Astropal.Web.Infrastructure.Cli;

/// <summary>
/// Thrown by <see cref="CliArguments.EnsureAllUsed"/> in a parse-only check once every argument was accepted: it stops
/// the command before it acts. Never escapes <see cref="CliHost.CheckAsync"/>.
/// </summary>
public sealed class CliArgumentsAcceptedException() : Exception("The arguments were accepted (parse-only check).");
