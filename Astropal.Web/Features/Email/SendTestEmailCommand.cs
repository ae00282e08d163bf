using System.Globalization;
using Astropal.Core.Branding;
using Astropal.Core.Content;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Content;
using Astropal.Web.Features.Subscribers;
using Astropal.Web.Infrastructure.Cli;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Email;

/// <summary>
/// <c>send-test-email --to ADDRESS [--kind daily|welcome|sign-in]</c>: sends one real email through the configured transport
/// (the launch plan's "confirm email delivery" check for a new sending domain) for a sample reader, with inert links,
/// and prints the transport's answer. Exit 1 with the reason when the relay refuses it or cannot be reached.
/// </summary>
internal sealed class SendTestEmailCommand(
    IReaderEmailComposer composer,
    EmailTemplateRenderer renderer,
    IEmailSender sender,
    IOptions<EmailOptions> email,
    IOptions<BrandOptions> brand,
    AuditLog audit,
    TimeProvider clock) : ICliCommand
{
    private static readonly string[] Kinds = ["daily", "welcome", "sign-in"];

    public string Name => "send-test-email";

    public string Synopsis => "send-test-email --to ADDRESS [--kind daily|welcome|sign-in]";

    public string Description =>
        "Sends one sample email (the morning email by default) through the configured transport (Email:Transport) and prints the transport's answer; exit 1 with the reason when it is refused.";

    public async Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        var to = arguments.Required("to").Trim();
        var kind = (arguments.Optional("kind") ?? "daily").Trim().ToLowerInvariant();
        arguments.EnsureAllUsed();
        if (!MimeKit.MailboxAddress.TryParse(to, out var mailbox) || mailbox.Address.IndexOf('@', StringComparison.Ordinal) <= 0 || mailbox.Address != to)
        {
            throw new CliUsageException($"Option --to must be one email address such as you@example.com (got '{to}').");
        }

        if (!Kinds.Contains(kind, StringComparer.Ordinal))
        {
            throw new CliUsageException($"Option --kind must be {string.Join(", ", Kinds)} (got '{kind}').");
        }

        var reader = SampleReader(to);
        var links = ReaderOperations.InertLinks(brand.Value.SiteUrl);
        RenderedEmail rendered;
        try
        {
            rendered = kind switch
            {
                "welcome" => renderer.Render(
                    new WelcomeEmailModel(reader.Name, Perspective.Get(reader.Perspective).Name, "06:00", reader.TimeZone, 0, [], links), reader.Locale),
                "sign-in" => renderer.Render(new SignInEmailModel(reader.Name, links.PreferencesUrl, "1 hour"), reader.Locale),
                _ => await composer.ComposeAsync(reader, EmailTemplate.Daily, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), links, cancellationToken),
            };
        }
        catch (Exception ex) when (ex is ContentUnavailableException or InvalidOperationException or Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException)
        {
            await console.Error.WriteLineAsync($"Could not compose the {kind} email: {ex.Message}");
            return 1;
        }

        var stamp = clock.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var message = EmailMessage.FromRendered(
            rendered, to, reader.Name, EmailMessage.StableMessageId($"test-{kind}-{stamp}-{Guid.NewGuid():N}", brand.Value.FromAddress), links.UnsubscribeUrl);
        var transport = email.Value.Transport;
        await console.Out.WriteLineAsync($"Sending the {kind} email \"{rendered.Subject}\" to {to} from {brand.Value.FromAddress} through {transport}...");
        var result = await sender.SendAsync(message, cancellationToken);
        await RecordAsync(console, to, kind, result, cancellationToken);
        if (result.IsSent)
        {
            await console.Out.WriteLineAsync($"Accepted by {transport}: {result.Answer ?? "(no reply text)"}");
            await console.Out.WriteLineAsync($"Message-ID: <{message.MessageId}>");
            return 0;
        }

        var code = result.SmtpStatusCode is { } smtp ? $" (SMTP {smtp})" : "";
        await console.Error.WriteLineAsync($"Refused by {transport}{code}: {Describe(result.Status)}: {result.Error}");
        return 1;
    }

    /// <summary>Audits the send (<c>email.test-sent</c>); a database that is not ready costs the entry, not the answer.</summary>
    private async Task RecordAsync(CliConsole console, string to, string kind, EmailSendResult result, CancellationToken cancellationToken)
    {
        try
        {
            await audit.RecordAsync(AuditLog.CommandLineActor, "email.test-sent", to,
                $"{kind} through {email.Value.Transport}: " + (result.IsSent ? "accepted " + result.Answer : $"refused {result.SmtpStatusCode} {result.Error}"), cancellationToken);
        }
        catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException)
        {
            await console.Error.WriteLineAsync($"(not written to the audit log: {ex.Message})");
        }
    }

    /// <summary>A sample reader receiving at <paramref name="address"/>: the content console's sample birth data.</summary>
    private static Reader SampleReader(string address)
    {
        var sample = ContentConsole.SampleReader;
        return new Reader
        {
            Id = Guid.Empty,
            Email = address,
            Name = sample.Name,
            BirthDate = sample.BirthDate,
            BirthTime = sample.BirthTime,
            BirthLatitude = sample.BirthLatitude,
            BirthLongitude = sample.BirthLongitude,
            BirthTimeZone = sample.BirthTimeZone,
            TimeZone = sample.TimeZone,
            Locale = sample.Locale,
            Perspective = sample.Perspective,
            FocusAreas = [.. sample.FocusAreas],
            Tier = sample.Tier,
            Status = ReaderStatus.Active,
            ReferralCode = sample.ReferralCode,
        };
    }

    private static string Describe(EmailSendStatus status) => status switch
    {
        EmailSendStatus.TransientFailure => "temporary failure",
        EmailSendStatus.PermanentFailure => "rejected",
        EmailSendStatus.MailboxDoesNotExist => "no such mailbox",
        EmailSendStatus.TransportUnavailable => "transport unavailable",
        _ => status.ToString(),
    };
}
