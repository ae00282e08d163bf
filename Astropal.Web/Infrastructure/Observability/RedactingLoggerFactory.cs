namespace Astropal.Web.Infrastructure.Observability;

/// <summary>
/// The app's <see cref="ILoggerFactory"/>: the standard factory, whose loggers see token-bearing addresses
/// redacted (<see cref="LogRedaction"/>) before any provider does — in messages, structured values and scopes
/// (ASP.NET Core's "Request starting" line and its <c>RequestPath</c> scope). Redacting ahead of the providers
/// keeps every provider's own filter rules (console, Sentry, any added later) as they are.
/// </summary>
public sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull =>
            RedactedLogState.For(state, null) is { } redacted ? inner.BeginScope(redacted) : inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            if (RedactedLogState.For(state, formatter(state, exception)) is { } redacted)
            {
                inner.Log(logLevel, eventId, redacted, exception, static (s, _) => s.ToString());
            }
            else
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
