namespace Astropal.Web.Features.Beta;

/// <summary>
/// The answer of <see cref="BetaImport"/>: either a validation <see cref="Error"/> (and nothing stored or
/// sent), or one line per entry saying what happened (what would happen, for a dry run).
/// </summary>
public sealed record BetaImportResult(bool DryRun, BetaImportError? Error, IReadOnlyList<BetaImportLine> Entries)
{
    public bool IsValid => Error is null;

    /// <summary>Valid, and every invitation that was due went out.</summary>
    public bool Succeeded => IsValid && Entries.All(e => e.Outcome != BetaImportOutcome.SendFailed);

    public int Count(BetaImportOutcome outcome) => Entries.Count(e => e.Outcome == outcome);

    internal static BetaImportResult Refused(bool dryRun, BetaImportError error) => new(dryRun, error, []);

    /// <summary>"2 invite, 1 already invited" (counts per outcome, for the CLI, the console and the audit log).</summary>
    public string Summary() =>
        Error is not null
            ? Error.ToString()
            : Entries.Count == 0
                ? "no entries"
                : string.Join(", ", Enum.GetValues<BetaImportOutcome>().Where(o => Count(o) > 0).Select(o => $"{Count(o)} {Describe(o)}"));

    public static string Describe(BetaImportOutcome outcome) => outcome switch
    {
        BetaImportOutcome.Invite => "invite",
        BetaImportOutcome.AlreadyInvited => "already invited",
        BetaImportOutcome.AlreadyActive => "already active",
        BetaImportOutcome.ExistingReader => "existing reader, left alone",
        BetaImportOutcome.SendFailed => "invitation not sent",
        _ => outcome.ToString(),
    };
}
