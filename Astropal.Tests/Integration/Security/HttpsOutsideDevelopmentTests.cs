using System.Net;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Readers;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Astropal.Tests.Integration.Security;

/// <summary>
/// The app as it runs in production (environment Production, behind a reverse proxy): protections that do
/// not depend on the scheme of the request that happens to arrive.
/// </summary>
public sealed class HttpsOutsideDevelopmentTests : IDisposable
{
    private const string Proxy = "10.0.0.5";
    private const string IdentityApplicationScheme = "Identity.Application"; // IdentityConstants.ApplicationScheme
    private const string Password = "pfx password";

    private readonly TempDirectory folder = new("astropal-https");
    private readonly AstropalAppFactory app;

    public HttpsOutsideDevelopmentTests()
    {
        app = new AstropalAppFactory
        {
            EnvironmentName = "Production",
            Settings = new Dictionary<string, string?>
            {
                ["DataProtection:CertificatePath"] = TestCertificates.WritePfx(folder.File("keys.pfx"), Password),
                ["DataProtection:CertificatePassword"] = Password,
                ["ForwardedHeaders:KnownProxies"] = Proxy,
                ["ForwardedHeaders:KnownNetworks"] = "10.1.0.0/16",
                ["RateLimits:PagesPerIpPerMinute"] = "3",
            },
            TestServices = TestClientAddress.AddTo,
        };
    }

    public void Dispose()
    {
        app.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task A_plain_http_request_is_redirected_to_https_but_probes_are_answered()
    {
        using var client = Client();

        using var page = await SendAsync(client, "/privacy", from: "198.51.100.1");
        using var probe = await SendAsync(client, "/healthz", from: "198.51.100.1");

        Assert.Equal(HttpStatusCode.PermanentRedirect, page.StatusCode);
        Assert.Equal("https://astropal.test/privacy", page.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }

    [Theory]
    [InlineData(Proxy)]
    [InlineData("10.1.20.30")] // inside ForwardedHeaders:KnownNetworks
    public async Task Behind_a_known_proxy_the_forwarded_https_scheme_is_believed_and_HSTS_is_sent(string proxy)
    {
        using var client = Client();

        using var page = await SendAsync(client, "/privacy", from: proxy, forwardedFor: "203.0.113.9", forwardedProto: "https");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.Contains("Strict-Transport-Security"), page.Headers.ToString());
    }

    [Fact]
    public async Task An_unknown_proxy_cannot_claim_https()
    {
        using var client = Client();

        using var page = await SendAsync(client, "/privacy", from: "192.0.2.44", forwardedFor: "203.0.113.9", forwardedProto: "https");

        Assert.Equal(HttpStatusCode.PermanentRedirect, page.StatusCode);
    }

    [Fact]
    public async Task Clients_behind_the_proxy_each_have_their_own_rate_limit()
    {
        using var client = Client();

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await SendAsync(client, "/privacy", from: Proxy, forwardedFor: "203.0.113.1", forwardedProto: "https");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var otherClient = await SendAsync(client, "/privacy", from: Proxy, forwardedFor: "203.0.113.2", forwardedProto: "https");
        using var refused = await SendAsync(client, "/privacy", from: Proxy, forwardedFor: "203.0.113.1", forwardedProto: "https");

        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task The_language_and_antiforgery_cookies_are_Secure_host_cookies()
    {
        using var client = Client();

        using var language = await SendAsync(client, "/privacy?culture=es-ES", from: Proxy, forwardedFor: "203.0.113.3", forwardedProto: "https");
        using var signIn = await SendAsync(client, "/account/sign-in", from: Proxy, forwardedFor: "203.0.113.4", forwardedProto: "https");

        var cookies = SetCookies(language).Concat(SetCookies(signIn)).ToList();
        Assert.Contains(cookies, c => c.StartsWith("__Host-.AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("__Host-astropal.antiforgery=", StringComparison.Ordinal));
        Assert.All(cookies, c =>
        {
            Assert.StartsWith("__Host-", c, StringComparison.Ordinal);
            Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; path=/;", c + ";", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", c, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Theory]
    [InlineData(IdentityApplicationScheme, "__Host-astropal.ops")]
    [InlineData(ReaderSession.Scheme, "__Host-astropal.reader")]
    public void Session_cookies_are_Secure_host_cookies_even_on_a_plain_http_request(string scheme, string name)
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(scheme);
        var plainHttp = new DefaultHttpContext();
        plainHttp.Request.Scheme = "http";

        var cookie = options.Cookie.Build(plainHttp);

        Assert.Equal(name, options.Cookie.Name);
        Assert.True(cookie.Secure);
        Assert.Equal("/", cookie.Path);
        Assert.Null(cookie.Domain);
        Assert.Equal(CookieSecurePolicy.Always, app.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.SecurePolicy);
    }

    private HttpClient Client() =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://astropal.test") });

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string from, string? forwardedFor = null, string? forwardedProto = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add(TestClientAddress.Header, from);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        return await client.SendAsync(request);
    }
}
