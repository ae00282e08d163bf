using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Astropal.Tests.TestSupport;

/// <summary>One request the fake Stripe API received: method, path, form fields (Stripe's bracket notation) and the API key.</summary>
internal sealed record FakeStripeRequest(string Method, string Path, IReadOnlyDictionary<string, string> Form, string? Authorization);

/// <summary>
/// A Stripe API stand-in on a loopback port (real HTTP through Kestrel, as Stripe.net calls it with <c>Stripe:ApiBase</c>):
/// creates customers, Checkout Sessions and billing portal sessions, serves the subscriptions a test puts in
/// <see cref="Subscriptions"/>, and records every request. <see cref="Sign"/> signs webhook payloads exactly as Stripe does.
/// </summary>
internal sealed class FakeStripeApi : IAsyncDisposable
{
    private readonly WebApplication app;
    private int counter;

    private FakeStripeApi(WebApplication app)
    {
        this.app = app;
    }

    public ConcurrentQueue<FakeStripeRequest> Requests { get; } = new();

    /// <summary>Subscription JSON (a Stripe subscription object) by id, for <c>GET /v1/subscriptions/{id}</c>.</summary>
    public ConcurrentDictionary<string, string> Subscriptions { get; } = new(StringComparer.Ordinal);

    /// <summary>The value for <c>Stripe:ApiBase</c>.</summary>
    public string BaseUrl => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>Where the fake's Checkout Sessions send the browser: Stripe's own Checkout host, as in production (a browser test routes it).</summary>
    public const string CheckoutUrlPrefix = "https://checkout.stripe.com/c/pay/";

    /// <summary>Where the fake's portal sessions send the browser (Stripe's portal host).</summary>
    public const string PortalUrlPrefix = "https://billing.stripe.com/p/session/";

    public static async Task<FakeStripeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeStripeApi(app);
        app.MapPost("/v1/customers", context => fake.AnswerAsync(context, id => $$"""{"id":"cus_fake_{{id}}","object":"customer"}"""));
        app.MapPost("/v1/checkout/sessions", context => fake.AnswerAsync(context, id => $$"""{"id":"cs_fake_{{id}}","object":"checkout.session","mode":"subscription","url":"{{CheckoutUrlPrefix}}cs_fake_{{id}}"}"""));
        app.MapPost("/v1/billing_portal/sessions", context => fake.AnswerAsync(context, id => $$"""{"id":"bps_fake_{{id}}","object":"billing_portal.session","url":"{{PortalUrlPrefix}}bps_fake_{{id}}"}"""));
        app.MapGet("/v1/subscriptions/{id}", async (HttpContext context, string id) =>
        {
            await fake.RecordAsync(context);
            context.Response.ContentType = "application/json";
            if (fake.Subscriptions.TryGetValue(id, out var json))
            {
                await context.Response.WriteAsync(json);
                return;
            }

            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\",\"message\":\"No such subscription: " + id + "\"}}");
        });
        await app.StartAsync();
        return fake;
    }

    /// <summary>The requests to one path, oldest first.</summary>
    public IReadOnlyList<FakeStripeRequest> RequestsTo(string path) => Requests.Where(r => r.Path == path).ToList();

    /// <summary>The <c>Stripe-Signature</c> header for a payload: <c>t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256 of "t.payload"&gt;</c>.</summary>
    public static string Sign(string secret, string payload, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>A Stripe event envelope around a data object.</summary>
    public static string Event(string id, string type, DateTimeOffset created, string dataObject) =>
        "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2026-10-28.endive\",\"created\":" + Unix(created)
        + ",\"livemode\":false,\"pending_webhooks\":1,\"request\":{\"id\":null,\"idempotency_key\":null},\"type\":\"" + type + "\",\"data\":{\"object\":" + dataObject + "}}";

    /// <summary>A subscription object with one item of <paramref name="priceId"/>.</summary>
    public static string Subscription(string id, string customer, string status, string priceId, DateTimeOffset periodEnd, bool cancelAtPeriodEnd = false, Guid? readerId = null) =>
        "{\"id\":\"" + id + "\",\"object\":\"subscription\",\"customer\":\"" + customer + "\",\"status\":\"" + status + "\",\"cancel_at_period_end\":"
        + (cancelAtPeriodEnd ? "true" : "false") + ",\"created\":" + Unix(periodEnd.AddMonths(-1))
        + ",\"metadata\":" + (readerId is { } r ? "{\"reader_id\":\"" + r.ToString("D") + "\"}" : "{}")
        + ",\"items\":{\"object\":\"list\",\"data\":[{\"id\":\"si_" + id + "\",\"object\":\"subscription_item\",\"current_period_start\":" + Unix(periodEnd.AddMonths(-1))
        + ",\"current_period_end\":" + Unix(periodEnd) + ",\"price\":{\"id\":\"" + priceId + "\",\"object\":\"price\"},\"quantity\":1}]}}";

    public static string CheckoutSession(string id, Guid readerId, string customer, string subscription) =>
        "{\"id\":\"" + id + "\",\"object\":\"checkout.session\",\"mode\":\"subscription\",\"client_reference_id\":\"" + readerId.ToString("D")
        + "\",\"customer\":\"" + customer + "\",\"subscription\":\"" + subscription + "\",\"status\":\"complete\"}";

    public static string Invoice(string id, string customer, string subscription) =>
        "{\"id\":\"" + id + "\",\"object\":\"invoice\",\"customer\":\"" + customer
        + "\",\"status\":\"open\",\"parent\":{\"type\":\"subscription_details\",\"subscription_details\":{\"subscription\":\"" + subscription + "\"}}}";

    private static string Unix(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private async Task AnswerAsync(HttpContext context, Func<int, string> body)
    {
        await RecordAsync(context);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body(Interlocked.Increment(ref counter)));
    }

    private async Task RecordAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        Requests.Enqueue(new FakeStripeRequest(context.Request.Method, context.Request.Path, form, context.Request.Headers.Authorization.FirstOrDefault()));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
