using System.Text;
using Astropal.Core.Branding;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Data;
using Astropal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Operators;

/// <summary>
/// The invitation email of a new operator: a one-time link to <c>/account/set-password</c> carrying Identity's
/// password reset token, which works for <c>Operators:InvitationLifetime</c> and stops working once a password is
/// set (the token is bound to the security stamp, which setting the password changes).
/// </summary>
public sealed partial class OperatorInvitations(
    UserManager<OperatorUser> users,
    EmailTemplateRenderer renderer,
    IEmailSender sender,
    IOptions<BrandOptions> brand,
    IOptions<OperatorOptions> options,
    TimeProvider clock,
    ILogger<OperatorInvitations> logger)
{
    public async Task<bool> SendAsync(OperatorUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = brand.Value.Absolute(SetPasswordLink(user.Id, token));
        var email = renderer.Render(new OperatorInvitationEmailModel(user.Email!, link, Hours(options.Value.InvitationLifetime)));
        var message = EmailMessage.FromRendered(email, user.Email!, null,
            EmailMessage.StableMessageId($"operator-invitation-{user.Id}-{clock.GetUtcNow().ToUnixTimeMilliseconds()}", brand.Value.FromAddress),
            unsubscribeUrl: null);
        var sent = await sender.SendAsync(message, cancellationToken);
        if (!sent.IsSent)
        {
            Log.NotSent(logger, user.Id, sent.Status);
        }

        return sent.IsSent;
    }

    /// <summary>The site path of the set-password link (the token is base64url-encoded for the query string).</summary>
    public static string SetPasswordLink(string userId, string token) =>
        $"{IdentitySetup.SetPasswordPath}?u={Uri.EscapeDataString(userId)}&t={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}";

    /// <summary>The token of a set-password link, or null when it is not one.</summary>
    public static string? TokenOf(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded) || encoded.Length > 4096)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Hours(TimeSpan lifetime) =>
        lifetime.TotalHours >= 1 && lifetime.TotalHours % 1 == 0
            ? $"{(int)lifetime.TotalHours} hour{((int)lifetime.TotalHours == 1 ? "" : "s")}"
            : $"{(int)Math.Ceiling(lifetime.TotalMinutes)} minutes";

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Invitation of operator {OperatorId} not sent: {Status}")]
        public static partial void NotSent(ILogger logger, string operatorId, EmailSendStatus status);
    }
}
