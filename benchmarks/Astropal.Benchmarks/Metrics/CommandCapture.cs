using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Astropal.Benchmarks.Metrics;

/// <summary>Records the SQL and parameter values of every command EF Core executes while subscribed (for EXPLAIN QUERY PLAN).</summary>
internal sealed class CommandCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> subscriptions = [];

    public List<(string Sql, List<(string Name, object? Value)> Parameters)> Commands { get; } = [];

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            subscriptions.Add(value.Subscribe(this));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data)
        {
            Commands.Add((data.Command.CommandText,
                data.Command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
        }
    }

    public void Dispose()
    {
        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }

        subscriptions.Clear();
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
