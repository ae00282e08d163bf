using Astropal.Tests.Integration.Security;
using Astropal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sentry;
using Sentry.AspNetCore;

namespace Astropal.Tests.Integration.Observability;

/// <summary>An error logged with a reader's address, name and birth data, reported to Sentry (a capturing transport): none of it is sent.</summary>
[Collection(nameof(SentrySdkCollection))]
public sealed class PersonalDataInSentryTests
{
    private const string Email = "grace.hopper@example.org";
    private const string Name = "Gracewyn Hopperly";
    private const string BirthDate = "1906-12-09";
    private const string BirthPlace = "Nuevayorkia";
    private const string Token = "SeCrEtPortal0042";
    private const string PortalLink = "https://astropal.example/me?t=" + Token;
    private const string Marker = "marker-7f3a";

    [Fact]
    public async Task The_event_and_its_breadcrumbs_carry_no_email_address_name_birth_data_or_token()
    {
        var transport = new CapturingSentryTransport();
        await using var app = new AstropalAppFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["Sentry:Dsn"] = "https://0123456789abcdef0123456789abcdef@sentry.invalid/1",
                ["Logging:LogLevel:Default"] = "Information",
            },
            TestServices = services => services.PostConfigure<SentryAspNetCoreOptions>(o => o.Transport = transport),
        };
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Astropal.Tests.PersonalData");

        SentrySdk.ConfigureScope(scope =>
        {
            scope.User = new SentryUser { Email = Email, Username = Name };
            scope.SetExtra("ReaderEmail", Email);
            scope.SetTag("reader_name", Name);
        });
        SentrySdk.AddBreadcrumb($"confirmation link sent to {Email}", "email", data: new Dictionary<string, string> { ["name"] = Name, ["birthDate"] = BirthDate });
        Assert.True(logger.IsEnabled(LogLevel.Information));
#pragma warning disable CA1873 // the test's point is what these arguments become
        logger.LogInformation("Portal link {Link} opened by {ReaderEmail}", PortalLink, Email);
        var refused = new InvalidOperationException($"The relay refused {Email}");
        logger.LogError(
            refused,
            "Sign-up failed for {Email} named {Name}, born {BirthDate} in {BirthPlace} ({Marker})",
            Email,
            Name,
            BirthDate,
            BirthPlace,
            Marker);
#pragma warning restore CA1873

        var sent = await transport.WaitForEventAsync(Marker);

        Assert.DoesNotContain(Email, sent, StringComparison.Ordinal);
        Assert.DoesNotContain(Name, sent, StringComparison.Ordinal);
        Assert.DoesNotContain(BirthDate, sent, StringComparison.Ordinal);
        Assert.DoesNotContain(BirthPlace, sent, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, sent, StringComparison.Ordinal);
        Assert.Contains("[redacted]", sent, StringComparison.Ordinal);
        Assert.Contains("[email]", sent, StringComparison.Ordinal);
        Assert.Contains("confirmation link sent to", sent, StringComparison.Ordinal); // the breadcrumb is kept, scrubbed
    }
}
