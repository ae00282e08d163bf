using Astropal.Tests.TestSupport;
using Astropal.Web.Infrastructure.Secrets;

namespace Astropal.Tests.Integration.Secrets;

// Sets process environment variables, so it must not run beside other verify-secrets tests.
[CollectionDefinition(nameof(EnvironmentVariableCollection), DisableParallelization = true)]
public sealed class EnvironmentVariableCollection;

[Collection(nameof(EnvironmentVariableCollection))]
public sealed class VerifySecretsTests : IClassFixture<AstropalAppFactory>
{
    private readonly AstropalAppFactory _app;

    public VerifySecretsTests(AstropalAppFactory app) => _app = app;

    [Fact]
    public async Task Production_with_no_secrets_lists_each_as_missing_and_exits_1()
    {
        var result = await CliRun.RunAsync(_app.Services, null, "verify-secrets", "--environment", "Production");

        Assert.Equal(1, result.ExitCode);
        foreach (var key in new[] { "DataProtection:CertificatePath", "DataProtection:CertificatePassword", "Email:Smtp:Password", "Llm:Providers:Grok:ApiKey", "Llm:Providers:OpenAI:ApiKey", "News:ApiKey", "Sentry:Dsn" })
        {
            Assert.Matches($@"MISSING\s+required\s+{System.Text.RegularExpressions.Regex.Escape(key)}\s", result.Out);
        }

        // No paid plan has a Stripe price id: nothing is sold, so the Stripe keys are optional.
        foreach (var key in new[] { "Stripe:SecretKey", "Stripe:PublishableKey", "Stripe:WebhookSecret" })
        {
            Assert.Matches($@"missing\s+optional\s+{System.Text.RegularExpressions.Regex.Escape(key)}\s", result.Out);
        }
    }

    [Fact]
    public async Task Production_selling_a_paid_plan_requires_the_stripe_secrets_and_staging_does_not()
    {
        _ = _app.Services; // start the host before the process environment changes under it
        Environment.SetEnvironmentVariable("Billing__Pro__StripePriceId", "price_pro_live");
        try
        {
            var production = await CliRun.RunAsync(_app.Services, null, "verify-secrets", "--environment", "Production");
            var staging = await CliRun.RunAsync(_app.Services, null, "verify-secrets", "--environment", "Staging");

            Assert.Equal(1, production.ExitCode);
            foreach (var key in new[] { "Stripe:SecretKey", "Stripe:PublishableKey", "Stripe:WebhookSecret" })
            {
                Assert.Matches($@"MISSING\s+required\s+{System.Text.RegularExpressions.Regex.Escape(key)}\s", production.Out);
                Assert.Matches($@"missing\s+optional\s+{System.Text.RegularExpressions.Regex.Escape(key)}\s", staging.Out);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("Billing__Pro__StripePriceId", null);
        }
    }

    [Fact]
    public async Task Production_with_every_secret_set_reports_present_without_printing_values_and_exits_0()
    {
        _ = _app.Services; // start the host before the process environment changes under it
        var values = SecretCatalog.All.ToDictionary(s => s.Key, s => $"value-of-{s.Key.GetHashCode(StringComparison.Ordinal):x}-secret");
        try
        {
            foreach (var (key, value) in values)
            {
                Environment.SetEnvironmentVariable(key.Replace(":", "__", StringComparison.Ordinal), value);
            }

            var result = await CliRun.RunAsync(_app.Services, null, "verify-secrets", "--environment", "Production");

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("All required secrets are present.", result.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("MISSING", result.Out, StringComparison.Ordinal);
            foreach (var value in values.Values)
            {
                Assert.DoesNotContain(value, result.Out, StringComparison.Ordinal);
            }
        }
        finally
        {
            foreach (var key in values.Keys)
            {
                Environment.SetEnvironmentVariable(key.Replace(":", "__", StringComparison.Ordinal), null);
            }
        }
    }

    [Fact]
    public async Task Development_needs_no_secrets()
    {
        var result = await CliRun.RunAsync(_app.Services, null, "verify-secrets", "--environment", "Development");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Stripe:SecretKey", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("MISSING", result.Out, StringComparison.Ordinal);
    }
}
