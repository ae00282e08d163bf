namespace Astropal.Web.Infrastructure.Cli;

/// <summary>Bad arguments. The message says which argument and why.</summary>
public sealed class CliUsageException(string message) : Exception(message);
