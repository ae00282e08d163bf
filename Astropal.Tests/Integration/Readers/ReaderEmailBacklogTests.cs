using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Readers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Astropal.Tests.Integration.Readers.PortalHarness;

namespace Astropal.Tests.Integration.Readers;

/// <summary>
/// Sign-ups and "email me a new link" answer the same, at the same speed, for every address: what
/// depends on the address (and the email) happens in the background, after the answer.
/// </summary>
public sealed class ReaderEmailBacklogTests
{
    private static Task<HttpResponseMessage> RequestLinkAsync(HttpClient client, string email) =>
        PostAsync(client, "/me/link", "new-link", new Dictionary<string, string> { ["LinkInput.Email"] = email });

    [Fact]
    public async Task Signing_up_answers_the_same_for_a_new_a_pending_an_active_and_a_bounced_address()
    {
        await using var app = new AstropalAppFactory();
        await AddReaderAsync(app, ReaderStatus.Active, email: "active@example.com");
        await AddReaderAsync(app, ReaderStatus.Bounced, email: "bounced@example.com");
        using var client = app.CreateClient();
        using var pendingFirst = await client.PostAsJsonAsync("/api/readers", SignupTests.Body(email: "pending@example.com"));
        await SettledAsync(app);

        var answers = new List<(HttpStatusCode, string)>();
        foreach (var email in new[] { "new@example.com", "pending@example.com", "active@example.com", "bounced@example.com" })
        {
            using var response = await client.PostAsJsonAsync("/api/readers", SignupTests.Body(email: email));
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Assert.Single(answers.Distinct());
        Assert.Equal(HttpStatusCode.Accepted, answers[0].Item1);
        var sent = await SentAsync(app);
        Assert.Equal(
            ["pending@example.com", "new@example.com", "active@example.com"],
            sent.Select(m => m.To.Mailboxes.Single().Address));
    }

    [Fact]
    public async Task Email_me_a_new_link_answers_before_the_email_is_sent()
    {
        var sender = new HeldSender();
        await using var app = new AstropalAppFactory { TestServices = s => s.AddSingleton<IEmailSender>(sender) };
        await AddReaderAsync(app);
        using var client = app.CreateNonRedirectingClient();

        var request = RequestLinkAsync(client, "ada@example.com");
        await sender.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60));

        // The email is still on its way, and the answer is already there: its timing tells nothing.
        using var response = await request.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Contains("id=\"link-sent\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(sender.Sent);

        sender.Release.SetResult();
        await SettledAsync(app);
        Assert.Equal("ada@example.com", Assert.Single(sender.Sent).To);
    }

    [Fact]
    public async Task Signing_up_an_active_address_answers_before_its_sign_in_link_is_sent()
    {
        var sender = new HeldSender();
        await using var app = new AstropalAppFactory { TestServices = s => s.AddSingleton<IEmailSender>(sender) };
        await AddReaderAsync(app);
        using var client = app.CreateClient();

        var request = client.PostAsJsonAsync("/api/readers", SignupTests.Body());
        await sender.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60));

        using var response = await request.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(sender.Sent);

        sender.Release.SetResult();
        await SettledAsync(app);
        Assert.Equal("Your Astropal sign-in link", Assert.Single(sender.Sent).Subject);
    }

    private static void NoPauses(IServiceCollection services) =>
        services.AddScoped(sp => new ReaderEmailSender(sp.GetRequiredService<IEmailSender>(), sp.GetRequiredService<TimeProvider>())
        {
            Backoff = [TimeSpan.Zero, TimeSpan.Zero],
        });

    [Fact]
    public async Task A_transient_failure_is_tried_again_and_the_confirmation_arrives()
    {
        var sender = new FailingSender(failures: 2);
        await using var app = new AstropalAppFactory
        {
            TestServices = s =>
            {
                s.AddSingleton<IEmailSender>(sender);
                NoPauses(s);
            },
        };
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/readers", SignupTests.Body());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await SettledAsync(app);
        Assert.Equal(3, sender.Attempts);
        Assert.Equal("Confirm your Astropal subscription", Assert.Single(sender.Sent).Subject);
        await using var db = await Db(app).CreateDbContextAsync();
        Assert.Single(await db.ReaderTokens.ToListAsync());
    }

    [Fact]
    public async Task A_confirmation_that_cannot_be_sent_is_logged_and_leaves_nothing_behind()
    {
        var logs = new CapturedLogs();
        var sender = new FailingSender(failures: int.MaxValue);
        await using var app = new AstropalAppFactory
        {
            TestServices = s =>
            {
                s.AddSingleton<IEmailSender>(sender);
                s.AddSingleton<ILoggerProvider>(logs);
                NoPauses(s);
            },
        };
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/readers", SignupTests.Body());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await SettledAsync(app);
        Assert.Equal(3, sender.Attempts); // the first try and the two retries
        Assert.Contains(logs.At(LogLevel.Error), m => m.StartsWith("Confirmation email for reader", StringComparison.Ordinal) && m.Contains("not sent", StringComparison.Ordinal));
        await using var db = await Db(app).CreateDbContextAsync();
        Assert.Empty(await db.Readers.ToListAsync());
        Assert.Empty(await db.ReaderTokens.ToListAsync());
    }

    [Fact]
    public async Task A_job_that_throws_is_logged_and_the_backlog_goes_on()
    {
        var logs = new CapturedLogs();
        await using var app = new AstropalAppFactory
        {
            TestServices = s =>
            {
                s.AddSingleton<IEmailSender>(new ThrowingOnceSender());
                s.AddSingleton<ILoggerProvider>(logs);
            },
        };
        await AddReaderAsync(app, email: "one@example.com");
        var two = await AddReaderAsync(app, email: "two@example.com");
        var backlog = app.Services.GetRequiredService<ReaderEmailBacklog>();

        Assert.True(backlog.TryEnqueue(new ReaderEmailJob.SignInLink("one@example.com")));
        Assert.True(backlog.TryEnqueue(new ReaderEmailJob.SignInLink("two@example.com")));
        await SettledAsync(app);

        Assert.Contains(logs.At(LogLevel.Error), m => m.Contains("sign-in-link failed", StringComparison.Ordinal));
        Assert.Equal(0, backlog.Outstanding);
        await using var db = await Db(app).CreateDbContextAsync();
        Assert.Equal(1, await db.ReaderTokens.CountAsync(t => t.ReaderId == two.Id)); // the second job ran after the first threw
    }

    private sealed class HeldSender : IEmailSender
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<EmailMessage> Sent { get; } = new();

        public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            Sent.Enqueue(message);
            return EmailSendResult.Sent;
        }
    }

    /// <summary>Fails transiently the first <paramref name="failures"/> times, then sends.</summary>
    private sealed class FailingSender(int failures) : IEmailSender
    {
        private int attempts;

        public int Attempts => Volatile.Read(ref attempts);

        public ConcurrentQueue<EmailMessage> Sent { get; } = new();

        public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref attempts) <= failures)
            {
                return Task.FromResult(EmailSendResult.Transient("421 try later"));
            }

            Sent.Enqueue(message);
            return Task.FromResult(EmailSendResult.Sent);
        }
    }

    private sealed class ThrowingOnceSender : IEmailSender
    {
        private int calls;

        public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref calls) == 1
                ? throw new InvalidOperationException("transport exploded")
                : Task.FromResult(EmailSendResult.Sent);
    }
}
