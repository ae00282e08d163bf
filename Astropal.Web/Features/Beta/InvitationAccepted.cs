using Astropal.Web.Features.Readers;

namespace Astropal.Web.Features.Beta;

/// <summary>A sign-up completed from a valid invitation: the reader is active at once (the invitation proved the mailbox).</summary>
public sealed record InvitationAccepted(Guid ReaderId, bool WelcomeSent) : SignupOutcome;
