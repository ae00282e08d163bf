using System.Globalization;
using System.Net;
using System.Text;
using Astropal.Core.Delivery;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Delivery;

public sealed class ResendWebhookTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static readonly byte[] Key = DeliveryOptions.WebhookSecretBytes(Secret)!;

    private static AstropalAppFactory App() => AstropalAppFactory.WithSettings(new Dictionary<string, string?> { ["Delivery:WebhookSecret"] = Secret });

    private static async Task<Guid> AddReaderAsync(AstropalAppFactory app, string email)
    {
        var reader = new Reader { Id = Guid.NewGuid(), Email = email, TimeZone = "Europe/London", Locale = "en-US", ReferralCode = email[..4].ToUpperInvariant() + "1234", Status = ReaderStatus.Active };
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        db.Readers.Add(reader);
        await db.SaveChangesAsync();
        return reader.Id;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string id, string body, byte[]? key = null, long? timestamp = null)
    {
        var ts = timestamp ?? TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, ResendWebhook.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("svix-id", id);
        request.Headers.Add("svix-timestamp", ts.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("svix-signature", ResendWebhook.Sign(key ?? Key, id, ts, body));
        return await client.SendAsync(request);
    }

    private static string Event(string type, string to, string? bounceType = null)
    {
        var bounce = bounceType is null ? "" : ",\"bounce\":{\"type\":\"" + bounceType + "\",\"message\":\"x\"}";
        return "{\"type\":\"" + type + "\",\"created_at\":\"2026-12-01T06:00:00Z\",\"data\":{\"email_id\":\"e1\",\"to\":[\"" + to + "\"]" + bounce + "}}";
    }

    private static async Task<(ReaderStatus Status, bool Suppressed, int Events)> StateAsync(AstropalAppFactory app, Guid id, string email)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        var hash = AddressHash.Of(email);
        return ((await db.Readers.SingleAsync(r => r.Id == id)).Status, await db.SuppressedAddresses.AnyAsync(s => s.AddressHash == hash), await db.ProcessedWebhookEvents.CountAsync());
    }

    [Fact]
    public async Task A_signed_hard_bounce_suppresses_once_and_a_complaint_unsubscribes()
    {
        await using var app = App();
        using var client = app.CreateClient();
        var bounced = await AddReaderAsync(app, "bob@example.com");
        var complained = await AddReaderAsync(app, "cat@example.com");

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "msg_1", Event("email.bounced", "bob@example.com", "Permanent"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "msg_1", Event("email.bounced", "bob@example.com", "Permanent"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "msg_2", Event("email.complained", "cat@example.com"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "msg_3", Event("email.delivered", "cat@example.com"))).StatusCode);

        Assert.Equal((ReaderStatus.Bounced, true, 3), await StateAsync(app, bounced, "bob@example.com"));
        Assert.Equal(ReaderStatus.Unsubscribed, (await StateAsync(app, complained, "cat@example.com")).Status);
    }

    [Fact]
    public async Task A_transient_bounce_changes_nothing()
    {
        await using var app = App();
        using var client = app.CreateClient();
        var id = await AddReaderAsync(app, "dan@example.com");

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "msg_9", Event("email.bounced", "dan@example.com", "Transient"))).StatusCode);

        Assert.Equal((ReaderStatus.Active, false, 1), await StateAsync(app, id, "dan@example.com"));
    }

    [Fact]
    public async Task Bad_signatures_and_stale_timestamps_are_rejected()
    {
        await using var app = App();
        using var client = app.CreateClient();
        var id = await AddReaderAsync(app, "eve@example.com");
        var body = Event("email.bounced", "eve@example.com", "Permanent");

        var wrongKey = await PostAsync(client, "msg_a", body, key: Encoding.UTF8.GetBytes("not the key"));
        var stale = await PostAsync(client, "msg_b", body, timestamp: TimeProvider.System.GetUtcNow().AddMinutes(-10).ToUnixTimeSeconds());

        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal((ReaderStatus.Active, false, 0), await StateAsync(app, id, "eve@example.com"));
    }

    [Fact]
    public async Task Without_a_secret_the_endpoint_is_not_there()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(client, "msg_x", Event("email.delivered", "x@example.com"))).StatusCode);
    }
}
