using Astropal.Core.Readers;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Subscribers;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Subscribers;

public sealed class ReaderPageTests : BunitContext, IAsyncLifetime
{
    private const string Operator = "ops@example.com";
    private SubscribersTestHost host = default!;

    public ReaderPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        AddAuthorization().SetAuthorized(Operator);
    }

    public async Task InitializeAsync()
    {
        host = await SubscribersTestHost.StartAsync("reader-page");
        Services.AddSingleton(host.Get<ReaderOperations>());
        Services.AddSingleton(host.Get<Astropal.Web.Features.Billing.BillingConsole>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Birth_data_stays_hidden_until_the_operator_reveals_it_and_the_reveal_is_audited()
    {
        var reader = await host.AddReaderAsync("ada@example.com");

        var cut = Render<ReaderPage>(p => p.Add(c => c.Id, reader.Id));

        cut.WaitForAssertion(() => Assert.Equal("ada@example.com", cut.Find("#reader-email").TextContent));
        Assert.DoesNotContain("1990-05-17", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("London, England", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(await host.AuditAsync());

        cut.Find("#reveal-birth-data").Click();

        cut.WaitForAssertion(() => Assert.Contains("1990-05-17", cut.Find("#birth-data").TextContent, StringComparison.Ordinal));
        Assert.Contains("London, England", cut.Find("#birth-data").TextContent, StringComparison.Ordinal);
        var entry = Assert.Single(await host.AuditAsync());
        Assert.Equal(("reader.birth-data-revealed", Operator, reader.Id.ToString("D")), (entry.Action, entry.Actor, entry.Target));
    }

    [Fact]
    public async Task Pause_resume_and_suppress_from_the_page_change_the_reader_and_are_audited_with_the_signed_in_operator()
    {
        var reader = await host.AddReaderAsync("ada@example.com");
        var cut = Render<ReaderPage>(p => p.Add(c => c.Id, reader.Id));
        cut.WaitForAssertion(() => Assert.Equal("Active", cut.Find("#reader-status").TextContent));

        cut.Find("#pause").Click();
        cut.WaitForAssertion(() => Assert.Equal("Paused", cut.Find("#reader-status").TextContent));
        cut.Find("#resume").Click();
        cut.WaitForAssertion(() => Assert.Equal("Active", cut.Find("#reader-status").TextContent));
        cut.Find("#suppress").Click();
        cut.WaitForAssertion(() => Assert.Contains("operator", cut.Find("#suppression").TextContent, StringComparison.Ordinal));
        cut.Find("#resend").Click();
        cut.WaitForAssertion(() => Assert.Contains("suppression list", cut.Find("#action-message").TextContent, StringComparison.Ordinal));

        var audit = await host.AuditAsync();
        Assert.Equal(["reader.paused", "reader.resumed", "reader.suppressed"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(Operator, a.Actor));
    }

    [Fact]
    public async Task The_preview_shows_the_days_email_in_a_sandboxed_frame_and_delete_needs_a_confirmation()
    {
        var reader = await host.AddReaderAsync("ada@example.com");
        var cut = Render<ReaderPage>(p => p.Add(c => c.Id, reader.Id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#preview")));

        cut.Find("#preview").Click();

        cut.WaitForAssertion(() => Assert.Contains("2026-12-01", cut.Find("#preview-subject").TextContent, StringComparison.Ordinal));
        Assert.Equal(string.Empty, cut.Find("#preview-frame").GetAttribute("sandbox"));
        Assert.Contains("t=preview", cut.Find("#preview-frame").GetAttribute("srcdoc"), StringComparison.Ordinal);

        cut.Find("#delete").Click();
        Assert.Equal(ReaderStatus.Active, (await host.Get<ReaderOperations>().DetailAsync(reader.Id, CancellationToken.None))!.Status);
        cut.Find("#confirm-delete").Click();

        cut.WaitForAssertion(() => Assert.Equal("Deleted", cut.Find("#reader-status").TextContent));
        Assert.Equal(["reader.email-previewed", "reader.deleted"], (await host.AuditAsync()).Select(a => a.Action));
    }

    [Fact]
    public async Task A_date_not_written_yyyy_MM_dd_is_refused_with_the_reason_and_nothing_is_resent()
    {
        var reader = await host.AddReaderAsync("ada@example.com");
        var cut = Render<ReaderPage>(p => p.Add(c => c.Id, reader.Id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#resend")));

        cut.Find("#day").Change("01/12/2026");
        cut.Find("#resend").Click();

        cut.WaitForAssertion(() => Assert.Contains("must be written yyyy-MM-dd (got '01/12/2026')", cut.Find("#action-message").TextContent, StringComparison.Ordinal));
        Assert.Empty(await host.AuditAsync());
    }

    [Fact]
    public void An_unknown_reader_is_named_as_unknown()
    {
        var cut = Render<ReaderPage>(p => p.Add(c => c.Id, Guid.NewGuid()));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#no-reader")));
    }
}
