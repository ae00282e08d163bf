using Astropal.Web.Infrastructure.Metrics;
using System.Collections.Concurrent;
using System.Globalization;
using Astropal.Core.Branding;
using Astropal.Core.Email;
using Astropal.Core.Places;
using Astropal.Core.Readers;
using Astropal.Core.Readers.Signup;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Tests.Web.Readers;
using Astropal.Web.Features.Readers;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Beta;

/// <summary>/start?invite=TOKEN: the invitation fills in address, perspective, focus areas and language.</summary>
public sealed class InvitationStartPageTests : BunitContext, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory dir = new("invitation-start");
    private readonly CultureInfo originalCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo originalUiCulture = CultureInfo.CurrentUICulture;
    private readonly CapturingSender sender = new();

    public InvitationStartPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.Setup<string?>("astropal.timeZone").SetResult("Europe/Madrid");
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        var places = new Gazetteer();
        places.EnsureLoaded();
        Services.AddSingleton(places);
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
        Services.AddAstropalMeters();
        Services.AddScoped<SignupService>();
        StartPageTests.AddInvitations(Services);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
    }

    private async Task<string> InviteAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        var reader = new Reader
        {
            Id = Guid.NewGuid(), Email = "kim@example.org", Name = "Kim", TimeZone = "UTC", Locale = "es-ES", ReferralCode = "KIM00001",
            Status = ReaderStatus.Invited, Cohort = "beta", InvitedAt = Now, Perspective = PerspectiveId.Evidence, FocusAreas = [FocusAreaId.Career, FocusAreaId.Wellness],
        };
        var (token, row) = ReaderToken.Issue(reader.Id, ReaderTokenPurpose.Invitation, Now, TimeSpan.FromDays(14));
        db.Readers.Add(reader);
        db.ReaderTokens.Add(row);
        await db.SaveChangesAsync();
        return token;
    }

    private IRenderedComponent<Start> RenderStart(string uri)
    {
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo(uri);
        return Render<Start>();
    }

    [Fact]
    public async Task The_invitation_fills_in_address_and_choices_and_completing_it_activates_the_reader_with_a_welcome()
    {
        var token = await InviteAsync();

        var cut = RenderStart($"/start?invite={token}");

        cut.WaitForAssertion(() => Assert.Equal("kim@example.org", cut.Find("#email").GetAttribute("value")));
        Assert.True(cut.Find("#email").HasAttribute("readonly"));
        Assert.Equal("Kim", cut.Find("#name").GetAttribute("value"));
        Assert.Contains("invited to the beta", cut.Find("#invitation-lead").TextContent, StringComparison.Ordinal);
        var choices = cut.Find("#invitation-choices").TextContent;
        Assert.Contains("Evidence-Based", choices, StringComparison.Ordinal);
        Assert.Contains("Career & Business, Mental Wellness", choices, StringComparison.Ordinal);
        Assert.Contains("Español", choices, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#perspective-calm"));
        Assert.Empty(cut.FindAll("#focus-career"));

        cut.Find("#birth-date").Input("1990-05-17");
        cut.Find("#time-unknown").Change(true);
        cut.Find("#birth-place").Input("Madrid");
        await cut.InvokeAsync(() => cut.FindComponent<MudBlazor.MudAutocomplete<GazetteerCity>>().Instance.OpenMenuAsync());
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".mud-popover-open .mud-list-item")));
        cut.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Contains("Spain", StringComparison.Ordinal)).Click();
        cut.Find("#accept-terms").Change(true);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Your subscription is active", cut.Find("#signup-done").TextContent, StringComparison.Ordinal));
        var welcome = Assert.Single(sender.Sent);
        Assert.StartsWith("Te damos la bienvenida", welcome.Subject, StringComparison.Ordinal);
        await using var check = await Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        var reader = await check.Readers.SingleAsync();
        Assert.Equal((ReaderStatus.Active, PerspectiveId.Evidence, "es-ES", "Europe/Madrid"), (reader.Status, reader.Perspective, reader.Locale, reader.TimeZone));
        Assert.NotNull(reader.InvitationAcceptedAt);
    }

    [Fact]
    public async Task A_link_that_does_not_work_says_why_and_leaves_the_ordinary_form()
    {
        await InviteAsync();

        var cut = RenderStart("/start?invite=not-a-token");

        cut.WaitForAssertion(() => Assert.Contains("This invitation link is not valid", cut.Find("#signup-problem").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("#invitation-lead"));
        Assert.NotEmpty(cut.FindAll("#perspective-calm"));
        Assert.False(cut.Find("#email").HasAttribute("readonly"));
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
