using Astropal.Core.Readers;
using Astropal.Core.Readers.Signup;
using Astropal.Data;
using Astropal.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Beta;

/// <summary>
/// Imports beta users (issue 12): the whole file is validated first, and a bad entry refuses the import with
/// its index and field, nothing stored or sent. Each new address becomes an <see cref="ReaderStatus.Invited"/>
/// reader in the <c>beta</c> cohort and gets one invitation email; addresses already invited or reading are
/// reported and left alone, so importing the same file again sends nothing. Called by the
/// <c>import-beta-users</c> command, the console's import page and the operator API.
/// </summary>
public sealed class BetaImport(
    IDbContextFactory<AstropalDbContext> dbFactory,
    SignupValidator validator,
    BetaInvitations invitations,
    AuditLog audit)
{
    public const string AuditAction = "beta.imported";

    private static readonly string[] CheckedFields = ["perspective", "focusAreas", "locale"];

    /// <summary>Reads the file (a JSON array) from <paramref name="file"/> and imports it.</summary>
    public Task<BetaImportResult> ImportAsync(Stream file, bool dryRun, string actor, CancellationToken cancellationToken) =>
        ImportAsync(file, fileName: null, dryRun, actor, cancellationToken);

    /// <summary>Reads the file (a JSON array) from <paramref name="file"/> and imports it; <paramref name="fileName"/> is the audit entry's target.</summary>
    public async Task<BetaImportResult> ImportAsync(Stream file, string? fileName, bool dryRun, string actor, CancellationToken cancellationToken)
    {
        var (entries, error) = await BetaFile.ReadAsync(file, cancellationToken);
        return error is not null
            ? BetaImportResult.Refused(dryRun, error)
            : await ImportAsync(entries!, fileName, dryRun, actor, cancellationToken);
    }

    public Task<BetaImportResult> ImportAsync(IReadOnlyList<BetaUserEntry> entries, bool dryRun, string actor, CancellationToken cancellationToken) =>
        ImportAsync(entries, fileName: null, dryRun, actor, cancellationToken);

    /// <summary>Validates every entry, then (unless <paramref name="dryRun"/>) invites the new addresses and records <c>beta.imported</c> as <paramref name="actor"/>.</summary>
    public async Task<BetaImportResult> ImportAsync(IReadOnlyList<BetaUserEntry> entries, string? fileName, bool dryRun, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var (users, error) = Validate(entries);
        if (error is not null)
        {
            return BetaImportResult.Refused(dryRun, error);
        }

        var lines = new List<BetaImportLine>();
        foreach (var user in users!)
        {
            lines.Add(dryRun
                ? await PlanAsync(user, cancellationToken)
                : await ApplyAsync(user, cancellationToken));
        }

        var result = new BetaImportResult(dryRun, null, lines);
        if (!dryRun)
        {
            await audit.RecordAsync(actor, AuditAction, fileName, $"{entries.Count} entries: {result.Summary()}", cancellationToken);
        }

        return result;
    }

    /// <summary>Every entry checked, in order; the first problem found refuses the file.</summary>
    public (IReadOnlyList<ValidBetaUser>? Users, BetaImportError? Error) Validate(IReadOnlyList<BetaUserEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return (null, new BetaImportError(null, null, "The file has no entries."));
        }

        var users = new List<ValidBetaUser>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < entries.Count; index++)
        {
            var entry = entries[index];
            BetaImportError Fail(string field, string message) => new(index, field, message);

            var (email, emailError) = SignupValidator.ValidateAddress(entry.Email);
            if (email is null)
            {
                return (null, Fail("email", emailError ?? "Enter an email address."));
            }

            if (seen.TryGetValue(email, out var first))
            {
                return (null, Fail("email", $"{email} is already entry {first} of this file."));
            }

            seen[email] = index;
            if (string.IsNullOrWhiteSpace(entry.Perspective))
            {
                return (null, Fail("perspective", $"A perspective is required: one of {string.Join(", ", Perspective.All.Select(p => p.Slug))}."));
            }

            if (entry.FocusAreas is null)
            {
                return (null, Fail("focusAreas", $"Focus areas are required: one to three of {string.Join(", ", FocusArea.All.Select(f => f.Slug))}."));
            }

            var checkedFields = validator.ValidatePreferences(new PreferencesRequest
            {
                Perspective = entry.Perspective,
                FocusAreas = entry.FocusAreas,
                Locale = string.IsNullOrWhiteSpace(entry.Locale) ? SupportedLocales.Default : entry.Locale,
            });
            if (checkedFields.Preferences is not { } valid)
            {
                // Reported in the order of the shape: perspective, focus areas, locale.
                var errors = checkedFields.Errors;
                var field = CheckedFields.First(errors.ContainsKey);
                return (null, Fail(field, string.Join(" ", errors[field])));
            }

            var name = string.IsNullOrWhiteSpace(entry.Name) ? null : entry.Name.Trim();
            if (name is not null && (name.Length > SignupValidator.MaxNameLength || name.IndexOfAny(['<', '>']) >= 0 || name.Any(char.IsControl)))
            {
                return (null, Fail("name", $"The name must be plain text of at most {SignupValidator.MaxNameLength} characters."));
            }

            users.Add(new ValidBetaUser(index, email, name, valid.Perspective!.Value, valid.FocusAreas!, valid.Locale!));
        }

        return (users, null);
    }

    private async Task<BetaImportLine> PlanAsync(ValidBetaUser user, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await db.Readers.AsNoTracking().FirstOrDefaultAsync(r => r.Email == user.Email, cancellationToken);
        return Existing(user, reader) ?? new BetaImportLine(user.Index, user.Email, BetaImportOutcome.Invite);
    }

    private async Task<BetaImportLine> ApplyAsync(ValidBetaUser user, CancellationToken cancellationToken)
    {
        var claim = await invitations.ClaimForImportAsync(user, cancellationToken);
        if (claim.ReaderId is not { } readerId)
        {
            return Existing(user, claim.Existing) ?? new BetaImportLine(user.Index, user.Email, BetaImportOutcome.AlreadyInvited);
        }

        var sent = await invitations.SendClaimedAsync(readerId, previousInvitedAt: null, cancellationToken);
        return sent
            ? new BetaImportLine(user.Index, user.Email, BetaImportOutcome.Invite)
            : new BetaImportLine(user.Index, user.Email, BetaImportOutcome.SendFailed, "The email could not be sent; import the file again to retry.");
    }

    /// <summary>The line for an address that is a reader already, or null when it needs (another try at) an invitation.</summary>
    private static BetaImportLine? Existing(ValidBetaUser user, Reader? reader) => reader switch
    {
        null => null,
        { Status: ReaderStatus.Invited, InvitedAt: null } => null,
        { Status: ReaderStatus.Invited } => new BetaImportLine(user.Index, user.Email, BetaImportOutcome.AlreadyInvited,
            $"Invited {reader.InvitedAt:yyyy-MM-dd HH:mm} UTC."),
        { Status: ReaderStatus.Active } => new BetaImportLine(user.Index, user.Email, BetaImportOutcome.AlreadyActive),
        _ => new BetaImportLine(user.Index, user.Email, BetaImportOutcome.ExistingReader, $"The reader is {reader.Status.ToString().ToLowerInvariant()}."),
    };
}
