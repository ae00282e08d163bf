namespace Astropal.Data;

/// <summary>One operator action (console or command line), kept for the audit log.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The operator's email, or <c>cli</c> for commands run on the server.</summary>
    public required string Actor { get; set; }

    /// <summary>Dotted verb, e.g. <c>operator.created</c>, <c>operator.signed-in</c>.</summary>
    public required string Action { get; set; }

    public string? Target { get; set; }

    public string? Detail { get; set; }
}
