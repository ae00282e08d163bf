using System.Net;
using System.Text;
using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.Integration.Readers;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Billing;
using Astropal.Web.Features.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.Integration.Billing;

/// <summary>The app with Stripe pointed at a <see cref="FakeStripeApi"/>, a fake clock and a trivial composer for the scheduled emails.</summary>
internal sealed class BillingTestApp : IAsyncDisposable
{
    public const string WebhookSecret = "whsec_test_secret_for_billing";
    public const string BasicPrice = "price_basic_test";
    public const string ProPrice = "price_pro_test";

    private BillingTestApp(AstropalAppFactory app, FakeStripeApi stripe, FakeTimeProvider time)
    {
        App = app;
        Stripe = stripe;
        Time = time;
    }

    public AstropalAppFactory App { get; }

    public FakeStripeApi Stripe { get; }

    public FakeTimeProvider Time { get; }

    public static readonly DateTimeOffset Start = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    /// <param name="kestrel">Serve over real HTTP on a loopback port (for a browser) instead of the in-memory test server.</param>
    public static async Task<BillingTestApp> StartAsync(bool withStripe = true, bool kestrel = false)
    {
        var stripe = await FakeStripeApi.StartAsync();
        var time = new FakeTimeProvider(Start);
        var settings = new Dictionary<string, string?>
        {
            ["Brand:SiteUrl"] = "https://astropal.test",
            ["Billing:Basic:StripePriceId"] = BasicPrice,
            ["Billing:Pro:StripePriceId"] = ProPrice,
        };
        if (withStripe)
        {
            settings["Stripe:SecretKey"] = "sk_test_fake";
            settings["Stripe:PublishableKey"] = "pk_test_fake";
            settings["Stripe:WebhookSecret"] = WebhookSecret;
            settings["Stripe:ApiBase"] = stripe.BaseUrl;
        }

        var app = new AstropalAppFactory
        {
            Settings = settings,
            TestServices = s =>
            {
                s.AddSingleton<TimeProvider>(time);
                s.AddSingleton<IReaderEmailComposer, TestReaderEmailComposer>();
            },
        };
        if (kestrel)
        {
            app.UseKestrel(0);
            app.StartServer();
        }
        else
        {
            _ = app.Services;
        }

        return new BillingTestApp(app, stripe, time);
    }

    public IDbContextFactory<AstropalDbContext> Db => PortalHarness.Db(App);

    public async Task<Reader> AddReaderAsync(Tier tier = Tier.Trial, DateTimeOffset? trialEndsAt = null, string email = "ada@example.com", string locale = "en-US")
    {
        var reader = await PortalHarness.AddReaderAsync(App, ReaderStatus.Active, locale, email);
        await using var db = await Db.CreateDbContextAsync();
        var row = await db.Readers.SingleAsync(r => r.Id == reader.Id);
        row.Tier = tier;
        row.TrialEndsAt = trialEndsAt;
        row.ConfirmedAt = Time.GetUtcNow();
        await db.SaveChangesAsync();
        return row;
    }

    public async Task<Reader> ReaderAsync(Guid id) => await PortalHarness.ReaderAsync(App, id);

    public async Task<ReaderBilling?> BillingAsync(Guid id)
    {
        await using var db = await Db.CreateDbContextAsync();
        return await db.ReaderBillings.AsNoTracking().SingleOrDefaultAsync(b => b.ReaderId == id);
    }

    public async Task<List<DeliveryRecord>> DeliveriesAsync(Guid readerId, EmailTemplate kind)
    {
        await using var db = await Db.CreateDbContextAsync();
        return await db.Deliveries.AsNoTracking().Where(d => d.ReaderId == readerId && d.Kind == kind).ToListAsync();
    }

    public async Task<int> ProcessedEventsAsync()
    {
        await using var db = await Db.CreateDbContextAsync();
        return await db.ProcessedWebhookEvents.CountAsync();
    }

    /// <summary>Posts a webhook payload signed as Stripe signs it, at <paramref name="signedAt"/> (now by default) with <paramref name="secret"/>.</summary>
    public async Task<HttpResponseMessage> PostWebhookAsync(string payload, DateTimeOffset? signedAt = null, string? secret = null)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, StripeWebhook.Path) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", FakeStripeApi.Sign(secret ?? WebhookSecret, payload, signedAt ?? Time.GetUtcNow()));
        return await client.SendAsync(request);
    }

    public async Task PostWebhookOkAsync(string payload)
    {
        using var response = await PostWebhookAsync(payload);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Runs the delivery dispatcher once (what its job does every minute).</summary>
    public Task DispatchAsync() => App.Services.GetRequiredService<DeliveryDispatcher>().RunAsync(CancellationToken.None);

    public Task<BillingJobSummary> RunBillingJobAsync() => App.Services.GetRequiredService<BillingJobRunner>().RunAsync(CancellationToken.None);

    /// <summary>Outbox messages whose subject contains the text.</summary>
    public IReadOnlyList<MimeKit.MimeMessage> Sent(string subjectPart) =>
        App.OutboxMessages().Where(m => (m.Subject ?? "").Contains(subjectPart, StringComparison.Ordinal)).ToList();

    /// <summary>Posts the checkout form as the portal page's button does (antiforgery token from the page).</summary>
    public static async Task<HttpResponseMessage> PostCheckoutAsync(HttpClient client, string plan, string page = "/me")
    {
        var token = Forms.AntiforgeryTokenIn(await client.GetStringAsync(new Uri(page, UriKind.Relative)));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["plan"] = plan });
        return await client.PostAsync(new Uri(BillingPaths.Checkout, UriKind.Relative), content);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}
