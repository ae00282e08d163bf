namespace Astropal.Web.Infrastructure.Observability;

/// <summary>
/// Wraps a logger provider (console, Sentry, a test's) so that messages, structured values and scopes
/// (ASP.NET Core's <c>RequestPath</c> scope, its "Request starting" line) reach it with token values redacted.
/// </summary>
public class RedactingLoggerProvider(ILoggerProvider inner) : ILoggerProvider
{
    protected ILoggerProvider Inner { get; } = inner;

    /// <summary>The wrapper for <paramref name="provider"/>, passing scopes through when it keeps them itself.</summary>
    public static ILoggerProvider Wrap(ILoggerProvider provider) =>
        provider is ISupportExternalScope ? new WithExternalScope(provider) : new RedactingLoggerProvider(provider);

    public ILogger CreateLogger(string categoryName) => new RedactingLogger(Inner.CreateLogger(categoryName));

    // The container that created the wrapped provider disposes it.
    public void Dispose() => GC.SuppressFinalize(this);

    /// <summary>For providers (the console) that read scopes from the factory's scope provider: scopes are redacted as they are read.</summary>
    private sealed class WithExternalScope(ILoggerProvider inner) : RedactingLoggerProvider(inner), ISupportExternalScope
    {
        public void SetScopeProvider(IExternalScopeProvider scopeProvider) =>
            ((ISupportExternalScope)Inner).SetScopeProvider(new RedactingScopeProvider(scopeProvider));
    }

    private sealed class RedactingScopeProvider(IExternalScopeProvider inner) : IExternalScopeProvider
    {
        public void ForEachScope<TState>(Action<object?, TState> callback, TState state) =>
            inner.ForEachScope((scope, s) => callback(RedactedLogState.For(scope, null) ?? scope, s), state);

        public IDisposable Push(object? state) => inner.Push(state);
    }

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
