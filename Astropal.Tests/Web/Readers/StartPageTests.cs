using Astropal.Web.Infrastructure.Metrics;
using System.Collections.Concurrent;
using System.Globalization;
using Astropal.Core.Branding;
using Astropal.Core.Email;
using Astropal.Core.Places;
using Astropal.Core.Readers;
using Astropal.Core.Readers.Signup;
using Astropal.Core.Sky;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Readers;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Readers;

/// <summary>The /start page as a reader meets it: labels, field messages while typing, in English and Spanish.</summary>
public sealed class StartPageTests : BunitContext, IAsyncLifetime
{
    private static readonly Gazetteer Places = LoadedGazetteer();
    private readonly TempDirectory dir = new("start-page");
    private readonly CultureInfo originalCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo originalUiCulture = CultureInfo.CurrentUICulture;
    private readonly CapturingSender sender = new();

    public StartPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.Setup<string?>("astropal.timeZone").SetResult("Europe/Madrid");
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)));
        Services.AddSingleton(Places);
        Services.AddSingleton<TimeZoneResolver>();
        Services.AddSingleton<SignupValidator>();
        Services.AddSingleton(Options.Create(new BrandOptions()));
        Services.AddSingleton(Options.Create(new RateLimitOptions()));
        Services.AddSingleton<EmailTemplateRenderer>();
        Services.AddSingleton<IEmailSender>(sender);
        Services.AddLogging();
        Services.AddAstropalDbContext(DatabaseProvider.Sqlite, $"Data Source={dir.File("start.db")}");
        Services.AddSingleton(Options.Create(new PortalOptions()));
        Services.AddScoped<SignInLinks>();
        Services.AddScoped<ReaderEmailSender>();
        Services.AddAstropalMeters();
        Services.AddScoped<SignupService>();
        AddInvitations(Services);
    }

    /// <summary>
    /// What <see cref="SignupService"/> needs beside the page's own services: its limits, the email backlog and worker,
    /// and the invitation path (Features/Beta).
    /// </summary>
    internal static void AddInvitations(IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ClientAddress>();
        services.AddSingleton<SignupRequestLimiter>();
        services.AddSingleton<ConfirmationEmailCap>();
        services.AddSingleton<ReaderEmailBacklog>();
        services.AddSingleton<ReaderEmailWorker>();
        services.AddSingleton<BirthMomentResolver>();
        services.AddSkyCalculations();
        services.AddDataProtection();
        services.AddSingleton(Options.Create(new Astropal.Core.Billing.BillingOptions()));
        services.AddSingleton<Astropal.Web.Features.Delivery.UnsubscribeTokens>();
        services.AddSingleton<PortalLinkTokens>();
        services.AddSingleton<Astropal.Web.Features.Delivery.ReaderLinks>();
        services.AddScoped<WelcomeEmail>();
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<AuditLog>(services);
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<Astropal.Web.Features.Metrics.RequestMinuteRecorder>(services);
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddScoped<ReaderEmailSender>(services);
        services.AddScoped<Astropal.Web.Features.Beta.BetaInvitations>();
        services.AddScoped<Astropal.Web.Features.Beta.InvitationSignup>();
    }

    private async Task MigrateAsync()
    {
        await using var db = await Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
    }

    /// <summary>Works off the sign-ups the page queued, as the app's hosted worker does.</summary>
    private async Task SettleAsync()
    {
        var worker = Services.GetRequiredService<ReaderEmailWorker>();
        await worker.StartAsync(CancellationToken.None);
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await Services.GetRequiredService<ReaderEmailBacklog>().WhenIdleAsync(limit.Token);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    private static async Task FillCompleteFormAsync(IRenderedComponent<Start> cut, string email)
    {
        cut.Find("#email").Input(email);
        cut.Find("#birth-date").Input("1990-05-17");
        cut.Find("#time-unknown").Change(true);
        cut.Find("#birth-place").Input("Madrid");
        await cut.InvokeAsync(() => cut.FindComponent<MudBlazor.MudAutocomplete<GazetteerCity>>().Instance.OpenMenuAsync());
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".mud-popover-open .mud-list-item")));
        cut.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Contains("Spain", StringComparison.Ordinal)).Click();
        cut.Find("#focus-spiritual").Click();
        cut.Find("#accept-terms").Change(true);
    }

    private static Gazetteer LoadedGazetteer()
    {
        var gazetteer = new Gazetteer();
        gazetteer.EnsureLoaded();
        return gazetteer;
    }

    private static void UseCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    private IRenderedComponent<Start> RenderStart(string culture, string uri = "/start")
    {
        UseCulture(culture);
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo(uri);
        return Render<Start>();
    }

    /// <summary>The message MudBlazor shows under the field whose input has this id, or "" when none.</summary>
    private static string MessageOf(IRenderedComponent<Start> cut, string inputId)
    {
        var control = cut.Find($"#{inputId}").Closest(".mud-input-control")!;
        return string.Join(" ", control.QuerySelectorAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim()));
    }

    private static string LabelOf(IRenderedComponent<Start> cut, string inputId) =>
        cut.Find($"label[for='{inputId}']").TextContent.Trim();

    [Theory]
    [InlineData("en-US", "Email", "Date of birth", "Place of birth", "Your time zone", "I don't know my birth time")]
    [InlineData("es-ES", "Correo electrónico", "Fecha de nacimiento", "Lugar de nacimiento", "Tu zona horaria", "No sé mi hora de nacimiento")]
    public void Every_input_has_a_label_in_the_page_language(string culture, string email, string birthDate, string place, string zone, string timeUnknown)
    {
        var cut = RenderStart(culture);

        foreach (var input in cut.FindAll("input").Where(i => i.GetAttribute("type") != "hidden"))
        {
            var id = input.GetAttribute("id");
            var labelled = input.Closest("label") is not null
                || (id is not null && cut.FindAll($"label[for='{id}']").Count == 1)
                || input.HasAttribute("aria-label") || input.HasAttribute("aria-labelledby");
            Assert.True(labelled, $"input {id ?? input.OuterHtml} has no label");
        }

        Assert.Equal(email, LabelOf(cut, "email"));
        Assert.Equal(birthDate, LabelOf(cut, "birth-date"));
        Assert.Equal(place, LabelOf(cut, "birth-place"));
        Assert.Equal(zone, LabelOf(cut, "time-zone"));
        Assert.Contains(timeUnknown, cut.Find("#time-unknown").Closest("label")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("focus-heading", cut.Find("[role=group].focus").GetAttribute("aria-labelledby"));
        Assert.All(cut.FindAll("[id^=focus-]").Where(e => e.TagName == "BUTTON"), b => Assert.False(string.IsNullOrWhiteSpace(b.TextContent)));
    }

    [Fact]
    public void A_bad_email_is_named_while_typing_and_the_message_goes_when_it_is_fixed()
    {
        var cut = RenderStart("en-US");
        Assert.Equal("", MessageOf(cut, "email"));

        cut.Find("#email").Input("ada.example.com");
        Assert.Equal("Enter an email address like name@example.com.", MessageOf(cut, "email"));
        cut.Find("#email").Blur();
        cut.Find("#name").Input("Ada");
        Assert.Equal("Enter an email address like name@example.com.", MessageOf(cut, "email"));

        cut.Find("#email").Input("ada@example.com");
        Assert.Equal("", MessageOf(cut, "email"));
        Assert.Equal("", MessageOf(cut, "birth-date"));
    }

    [Fact]
    public void Leaving_an_empty_required_field_names_it_in_the_page_language_not_mudblazors_default()
    {
        var cut = RenderStart("es-ES");

        cut.Find("#email").Blur();

        Assert.Equal("Escribe tu dirección de correo electrónico.", MessageOf(cut, "email"));
    }

    [Fact]
    public void A_name_over_fifty_characters_is_refused_on_its_field()
    {
        var cut = RenderStart("en-US");

        cut.Find("#name").Input(new string('n', 51));

        Assert.Equal("Your name can have at most 50 characters.", MessageOf(cut, "name"));
    }

    [Theory]
    [InlineData("2027-01-01", "Your date of birth can't be in the future.")]
    [InlineData("2008-11-27", "You need to be at least 18 to subscribe.")]
    [InlineData("1900-01-01", "Please check the year: that is more than 120 years ago.")]
    public void Birth_dates_out_of_range_are_named_on_the_date_field(string date, string message)
    {
        var cut = RenderStart("en-US");

        cut.Find("#birth-date").Input(date);

        Assert.Equal(message, MessageOf(cut, "birth-date"));
    }

    [Fact]
    public void Focus_areas_are_numbered_in_order_and_none_or_more_than_three_get_a_message()
    {
        var cut = RenderStart("en-US");

        cut.Find("#focus-career").Click();
        cut.Find("#focus-wellness").Click();
        Assert.Equal("1. Career & Business", cut.Find("#focus-career").TextContent.Trim());
        Assert.Equal("2. Mental Wellness", cut.Find("#focus-wellness").TextContent.Trim());
        Assert.Equal("true", cut.Find("#focus-career").GetAttribute("aria-pressed"));
        Assert.Empty(cut.FindAll("#focus-error"));

        cut.Find("#focus-social").Click();
        cut.Find("#focus-spiritual").Click();
        Assert.Equal("Choose at most three focus areas.", cut.Find("#focus-error").TextContent.Trim());

        foreach (var slug in new[] { "career", "wellness", "social", "spiritual" })
        {
            cut.Find($"#focus-{slug}").Click();
        }

        Assert.Equal("Choose at least one focus area.", cut.Find("#focus-error").TextContent.Trim());
        Assert.Equal("false", cut.Find("#focus-career").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void Unticking_the_terms_asks_for_consent()
    {
        var cut = RenderStart("en-US");

        cut.Find("#accept-terms").Change(true);
        Assert.Empty(cut.FindAll("#terms-error"));
        cut.Find("#accept-terms").Change(false);

        Assert.Equal("Please accept the terms and the privacy notice to continue.", cut.Find("#terms-error").TextContent.Trim());
    }

    [Fact]
    public void A_place_typed_but_not_picked_from_the_list_is_not_a_birthplace()
    {
        var cut = RenderStart("en-US");

        cut.Find("#birth-place").Input("Xyzzyville");
        cut.Find("#birth-place").Blur();

        Assert.Equal("Choose your birthplace from the list.", MessageOf(cut, "birth-place"));
    }

    [Fact]
    public void I_dont_know_my_birth_time_disables_the_time_and_drops_its_message()
    {
        var cut = RenderStart("en-US");
        cut.Find("#birth-time").Input("25:00");
        Assert.StartsWith("Birth time must be written HH:mm", MessageOf(cut, "birth-time"), StringComparison.Ordinal);

        cut.Find("#time-unknown").Change(true);

        Assert.True(cut.Find("#birth-time").HasAttribute("disabled"));
        Assert.Equal("", MessageOf(cut, "birth-time"));

        cut.Find("#time-unknown").Change(false);
        Assert.False(cut.Find("#birth-time").HasAttribute("disabled"));
    }

    [Fact]
    public void Submitting_an_empty_form_names_every_missing_field_and_sends_nothing()
    {
        var cut = RenderStart("en-US");

        cut.Find("form").Submit();

        Assert.Equal("Please check the highlighted fields.", cut.Find("#signup-problem").TextContent.Trim());
        Assert.Equal("Enter your email address.", MessageOf(cut, "email"));
        Assert.Equal("Enter your date of birth.", MessageOf(cut, "birth-date"));
        Assert.Equal("Choose your birthplace from the list.", MessageOf(cut, "birth-place"));
        Assert.Equal("Choose at least one focus area.", cut.Find("#focus-error").TextContent.Trim());
        Assert.Equal("Please accept the terms and the privacy notice to continue.", cut.Find("#terms-error").TextContent.Trim());
        Assert.Empty(sender.Sent);
    }

    [Fact]
    public void The_page_speaks_spanish_names_perspectives_and_focus_areas_in_spanish_and_defaults_the_language_to_spanish()
    {
        var cut = RenderStart("es-ES");

        cut.Find("#email").Input("ana@ejemplo");
        cut.Find("#name").Input(new string('n', 51));
        cut.Find("#birth-date").Input("2010-03-01");
        cut.Find("#focus-career").Click();
        cut.Find("#focus-career").Click();
        cut.Find("form").Submit();

        Assert.Equal("Tu cielo, cada mañana", cut.Find("h1").TextContent.Trim());
        Assert.Equal("Revisa los campos marcados.", cut.Find("#signup-problem").TextContent.Trim());
        Assert.Equal("Escribe una dirección de correo como nombre@ejemplo.com.", MessageOf(cut, "email"));
        Assert.Equal("Tu nombre puede tener como máximo 50 caracteres.", MessageOf(cut, "name"));
        Assert.Equal("Necesitas tener al menos 18 años para suscribirte.", MessageOf(cut, "birth-date"));
        Assert.Equal("Elige tu lugar de nacimiento de la lista.", MessageOf(cut, "birth-place"));
        Assert.Equal("Elige al menos un área de interés.", cut.Find("#focus-error").TextContent.Trim());
        Assert.Equal("Acepta las condiciones y el aviso de privacidad para continuar.", cut.Find("#terms-error").TextContent.Trim());
        Assert.Contains("Calma y centro", cut.Find("#perspective-calm").Closest("label")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Carrera y negocios", cut.Find("#focus-career").TextContent, StringComparison.Ordinal);
        Assert.Contains("Hoy la Luna cruza Piscis", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Español (España)", cut.Find("#locale").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Enviarme el enlace de confirmación", cut.Find("#sign-up").TextContent.Trim());
        Assert.DoesNotContain("Enter your", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_referral_code_from_the_address_is_shown()
    {
        var good = RenderStart("en-US", "/start?r=FRIEND42");
        Assert.Equal("Invited with the code FRIEND42.", good.Find("#referral").TextContent.Trim());
        good.Find("form").Submit();
        Assert.Empty(good.FindAll("#referral-error"));
    }

    [Fact]
    public async Task A_complete_form_with_a_referral_code_signs_up_in_the_chosen_language_and_says_so_neutrally()
    {
        await MigrateAsync();
        var cut = RenderStart("es-ES", "/start?r=friend42");
        await FillCompleteFormAsync(cut, "ana@example.com");

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(
            "¡Gracias! Si esta dirección puede suscribirse, el enlace de confirmación ya va de camino. Revisa tu bandeja de entrada (y la carpeta de spam).",
            cut.Find("#signup-done").TextContent.Trim()));
        await SettleAsync();
        var message = Assert.Single(sender.Sent);
        Assert.Equal("Confirma tu suscripción a Astropal", message.Subject);
        await using var check = await Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        var reader = Assert.Single(check.Readers);
        Assert.Equal("FRIEND42", reader.ReferredBy);
        Assert.Equal("es-ES", reader.Locale);
        Assert.Equal("Europe/Madrid", reader.TimeZone);
        Assert.Null(reader.BirthTime);
        Assert.Equal(3117735, reader.BirthPlaceId);
    }

    [Fact]
    public async Task The_page_meets_the_per_client_limit_of_the_sign_up_service_and_asks_to_try_again_later()
    {
        await MigrateAsync();
        var limiter = Services.GetRequiredService<SignupRequestLimiter>();
        for (var i = 0; i < new RateLimitOptions().SignupsPerIpPerHour; i++)
        {
            Assert.True(limiter.TryAcquire(ClientAddress.Unknown, out _));
        }

        var cut = RenderStart("en-US");
        await FillCompleteFormAsync(cut, "victim@example.com");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(
            "Too many sign-ups just now. Nothing was saved; please try again later.",
            cut.Find("#signup-problem").TextContent.Trim()));
        Assert.Empty(cut.FindAll("#signup-done"));
        await SettleAsync();
        Assert.Empty(sender.Sent);
    }

    [Fact]
    public void A_malformed_referral_code_is_named_in_the_page_language()
    {
        var bad = RenderStart("es-ES", "/start?r=no!");
        bad.Find("form").Submit();
        Assert.Equal("Un código de invitación tiene de 4 a 16 letras y cifras.", bad.Find("#referral-error").TextContent.Trim());
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentCulture = originalCulture;
        CultureInfo.CurrentUICulture = originalUiCulture;
        await DisposeAsync();
        dir.Dispose();
    }

    private sealed class CapturingSender : IEmailSender
    {
        public ConcurrentQueue<EmailMessage> Sent { get; } = new();

        public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            Sent.Enqueue(message);
            return Task.FromResult(EmailSendResult.Sent);
        }
    }
}
