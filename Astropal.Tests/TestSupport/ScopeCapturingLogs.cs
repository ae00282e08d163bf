using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Astropal.Tests.TestSupport;

/// <summary>
/// A logger provider that keeps, for every entry, everything a JSON console with scopes would write: the
/// message, the structured values and every scope around it (e.g. ASP.NET Core's RequestPath scope).
/// </summary>
internal sealed class ScopeCapturingLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<(string Category, string Text)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static void AppendValues(StringBuilder text, object? state)
    {
        text.Append(" | ").Append(state);
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            foreach (var (key, value) in values)
            {
                text.Append(" | ").Append(key).Append('=').Append(value);
            }
        }
    }

    private sealed class Logger(ScopeCapturingLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder(formatter(state, exception));
            AppendValues(text, state);
            owner.scopes.ForEachScope((scope, builder) => AppendValues(builder.Append(" | scope"), scope), text);
            owner.Entries.Enqueue((category, text.ToString()));
        }
    }
}
