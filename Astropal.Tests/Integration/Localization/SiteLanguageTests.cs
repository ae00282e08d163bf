using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Localization;

/// <summary>The public site in en-US and es-ES: how a request's language is chosen, and the reader's own language on token pages.</summary>
public sealed partial class SiteLanguageTests
{
    private static HttpRequestMessage Get(string path, string? acceptLanguage = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        return request;
    }

    private static async Task<string> PageAsync(HttpClient client, string path, string? acceptLanguage = null)
    {
        using var request = Get(path, acceptLanguage);
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_landing_page_is_english_by_default_with_a_visible_language_switch()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();

        var html = await PageAsync(client, "/");

        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("Four perspectives, one sky", html, StringComparison.Ordinal);
        Assert.Contains("id=\"language-switch\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/?culture=es-ES\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"language-en-US\" aria-current=\"true\"", html);
    }

    [Fact]
    public async Task Culture_in_the_query_switches_the_page_to_spanish_and_a_cookie_keeps_it()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();

        using var response = await client.SendAsync(Get("/?culture=es-ES"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Respiración cósmica", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"es\"", html, StringComparison.Ordinal);
        Assert.Contains("Cuatro perspectivas, un mismo cielo", html, StringComparison.Ordinal);
        Assert.Contains("Calma y centro", html, StringComparison.Ordinal);
        Assert.Contains("Empieza tu prueba gratuita de 7 días", html, StringComparison.Ordinal);
        Assert.DoesNotContain("How it works", html, StringComparison.Ordinal);
        Assert.Contains(".AspNetCore.Culture=c%3Des-ES%7Cuic%3Des-ES", string.Join(";", response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);

        var next = await PageAsync(client, "/terms");
        Assert.Contains("Condiciones del servicio", next, StringComparison.Ordinal);
        Assert.Contains("Esta página solo está disponible en inglés.", next, StringComparison.Ordinal);
        Assert.Contains("Terms of service", next, StringComparison.Ordinal);

        var back = await PageAsync(client, "/?culture=en-US");
        Assert.Contains("Four perspectives, one sky", back, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es-MX,es;q=0.9,en;q=0.8", "es")]
    [InlineData("es", "es")]
    [InlineData("fr-FR,es;q=0.7,en;q=0.5", "es")]
    [InlineData("fr-FR,en;q=0.5,es;q=0.4", "en")]
    [InlineData("de", "en")]
    public async Task Without_a_choice_the_browser_language_decides_by_language_not_exact_tag(string acceptLanguage, string expected)
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();

        var html = await PageAsync(client, "/", acceptLanguage);

        Assert.Contains($"<html lang=\"{expected}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chosen_language_beats_the_browser_language()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();
        await PageAsync(client, "/privacy?culture=en-US", "es-ES");

        var html = await PageAsync(client, "/", "es-ES");

        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_operator_sign_in_stays_english_for_a_spanish_browser()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();

        var html = await PageAsync(client, "/account/sign-in?culture=es-ES", "es-ES");

        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_keeps_the_rest_of_the_address()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();

        var html = await PageAsync(client, "/start?r=FRIEND42");

        Assert.Contains("href=\"/start?r=FRIEND42&culture=es-ES\"", html, StringComparison.Ordinal);
        Assert.Contains("target=\"_top\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spanish_sign_up_gets_spanish_emails_and_spanish_token_pages_even_in_an_english_browser()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateNonRedirectingClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "en-US");

        using var signup = await client.PostAsJsonAsync("/api/readers", new
        {
            email = "ana@example.com", name = "Ana", birthDate = "1990-05-17", birthTime = "08:30", birthPlaceId = 2643743,
            timeZone = "Europe/Madrid", deliveryTime = "07:00", locale = "es-ES", perspective = "knowledge",
            focusAreas = new[] { "career", "wellness" }, acceptTerms = true,
        });
        Assert.Equal(HttpStatusCode.Accepted, signup.StatusCode);

        await Readers.PortalHarness.SettledAsync(app); // the confirmation leaves from the background queue
        var confirmation = Assert.Single(app.OutboxMessages());
        Assert.Equal("Confirma tu suscripción a Astropal", confirmation.Subject);
        Assert.Contains("Un clic y ya estás dentro.", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains("con la voz Conocimiento cósmico", confirmation.TextBody, StringComparison.Ordinal);
        var token = ConfirmLink().Match(confirmation.TextBody ?? "").Groups[1].Value;

        var landing = await PageAsync(client, $"/start/confirm?t={token}");
        Assert.Contains("<html lang=\"es\"", landing, StringComparison.Ordinal);
        Assert.Contains("Confirmar mi suscripción", landing, StringComparison.Ordinal);

        using var confirmed = await Forms.PostFormAsync(client, $"/start/confirm?t={token}", "confirm", new Dictionary<string, string>());
        var confirmedHtml = WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync());
        Assert.Contains("¡Ya estás dentro!", confirmedHtml, StringComparison.Ordinal);
        Assert.Contains("tu primer correo llega a las 07:00 (Europe/Madrid)", confirmedHtml, StringComparison.Ordinal);

        var welcome = app.OutboxMessages()[1];
        Assert.Equal("Te damos la bienvenida a Astropal: tu cielo empieza mañana", welcome.Subject);
        Assert.Contains("- Áreas de interés: Carrera y negocios, Bienestar mental", welcome.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Cada mañana: Tu cielo del día a las 07:00", welcome.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("for entertainment", welcome.TextBody, StringComparison.Ordinal);

        var readerId = (await ReaderAsync(app, "ana@example.com")).Id;
        var unsubscribeToken = app.Services.GetRequiredService<UnsubscribeTokens>().Create(readerId);
        var unsubscribe = await PageAsync(client, $"/u/{unsubscribeToken}");
        Assert.Contains("<html lang=\"es\"", unsubscribe, StringComparison.Ordinal);
        Assert.Contains("¿Dejar de recibir todos los correos de Astropal en esta dirección?", unsubscribe, StringComparison.Ordinal);
        using var body = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        using var done = await client.PostAsync(new Uri($"/u/{unsubscribeToken}", UriKind.Relative), body);
        Assert.Contains("Te has dado de baja", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ReaderStatus.Unsubscribed, (await ReaderAsync(app, "ana@example.com")).Status);

        var invalid = await PageAsync(client, "/start/confirm?t=nope", "es-ES");
        Assert.Contains("Un último paso", invalid, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_site_resource_file_has_a_spanish_twin_with_the_same_keys()
    {
        var resources = Path.Combine(RepositoryRoot.Find(), "Astropal.Web", "Resources");
        var neutral = Directory.GetFiles(resources, "*.resx", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Contains(".es-ES.", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(neutral);
        foreach (var file in neutral)
        {
            var spanish = Path.ChangeExtension(file, ".es-ES.resx");
            Assert.True(File.Exists(spanish), $"{Path.GetRelativePath(resources, file)} has no .es-ES.resx");
            var english = Keys(file);
            var translated = Keys(spanish);
            Assert.Empty(english.Keys.Except(translated.Keys));
            Assert.Empty(translated.Keys.Except(english.Keys));
            Assert.All(translated, t => Assert.False(string.IsNullOrWhiteSpace(t.Value), $"{spanish}: {t.Key} is empty"));
        }
    }

    private static Dictionary<string, string> Keys(string resx) =>
        XDocument.Load(resx).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static async Task<Reader> ReaderAsync(AstropalAppFactory app, string email)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        return await db.Readers.AsNoTracking().SingleAsync(r => r.Email == email);
    }

    [GeneratedRegex(@"/start/confirm\?t=([A-Za-z0-9_\-]+)")]
    private static partial Regex ConfirmLink();
}
