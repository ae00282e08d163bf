namespace Astropal.Web.Features.Beta;

/// <summary>What an import did (or, in a dry run, would do) with one entry of the file.</summary>
public enum BetaImportOutcome
{
    /// <summary>A new invited reader in the beta cohort and an invitation email (or one whose earlier invitation was never sent).</summary>
    Invite,

    /// <summary>Already invited: nothing sent (the console's "resend the invitation" sends again).</summary>
    AlreadyInvited,

    /// <summary>Already an active reader: nothing sent.</summary>
    AlreadyActive,

    /// <summary>A reader in another state (pending, paused, unsubscribed, bounced): left alone, nothing sent.</summary>
    ExistingReader,

    /// <summary>The reader was stored but the invitation could not be sent; importing again retries it.</summary>
    SendFailed,
}
