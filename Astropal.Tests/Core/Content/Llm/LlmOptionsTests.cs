using Astropal.Core.Content.Llm;

namespace Astropal.Tests.Core.Content.Llm;

public sealed class LlmOptionsTests
{
    private static readonly LlmOptionsValidator Validator = new();

    [Fact]
    public void The_defaults_are_valid_and_chain_grok_openai_then_offline()
    {
        var options = new LlmOptions();

        Assert.True(Validator.Validate(null, options).Succeeded);
        Assert.Equal([LlmProviderId.Grok, LlmProviderId.OpenAI, LlmProviderId.Offline], options.Chain());
        Assert.Empty(options.Configured());
    }

    [Theory]
    [InlineData("openai", new[] { LlmProviderId.OpenAI, LlmProviderId.Offline })]
    [InlineData(" OpenAI , grok ", new[] { LlmProviderId.OpenAI, LlmProviderId.Grok, LlmProviderId.Offline })]
    [InlineData("Offline, Grok", new[] { LlmProviderId.Offline })]
    [InlineData("", new[] { LlmProviderId.Offline })]
    public void The_offline_composer_always_ends_the_chain_and_nothing_follows_it(string order, LlmProviderId[] chain) =>
        Assert.Equal(chain, new LlmOptions { Order = order }.Chain());

    [Fact]
    public void Only_providers_with_a_key_are_configured()
    {
        var options = new LlmOptions { Order = "OpenAI, Grok" };
        options.Providers.Grok.ApiKey = "xai-key";
        options.Providers.OpenAI.ApiKey = " ";

        Assert.Equal([LlmProviderId.Grok], options.Configured());
    }

    [Fact]
    public void The_offline_composer_has_no_provider_settings() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LlmOptions().Provider(LlmProviderId.Offline));

    [Theory]
    [InlineData("Grok, Claude", "Llm:Order: unknown provider 'Claude'; use Grok, OpenAI and Offline, comma-separated.")]
    [InlineData("1, Grok", "Llm:Order: unknown provider '1'; use Grok, OpenAI and Offline, comma-separated.")]
    [InlineData("Grok, grok", "Llm:Order names 'grok' twice.")]
    public void A_bad_order_is_named(string order, string message)
    {
        var result = Validator.Validate(null, new LlmOptions { Order = order });

        Assert.Equal([message], result.Failures);
    }

    [Fact]
    public void Every_number_out_of_range_is_named_with_its_range()
    {
        var options = new LlmOptions
        {
            TimeoutSeconds = 0,
            RetryDelaySeconds = double.NaN,
            MaxRetryAfterSeconds = 601,
            CircuitBreakSeconds = 0.5,
            MaxRetries = 6,
            Parallelism = 0,
            MaxOutputTokens = 199,
            DailyBudgetUsd = -0.5m,
        };

        var result = Validator.Validate(null, options);

        Assert.Equal(
            [
                "Llm:TimeoutSeconds must be between 0.1 and 300 (got 0).",
                "Llm:RetryDelaySeconds must be between 0.01 and 60 (got NaN).",
                "Llm:MaxRetryAfterSeconds must be between 0 and 600 (got 601).",
                "Llm:CircuitBreakSeconds must be between 1 and 3600 (got 0.5).",
                "Llm:MaxRetries must be between 0 and 5 (got 6).",
                "Llm:Parallelism must be between 1 and 32 (got 0).",
                "Llm:MaxOutputTokens must be between 200 and 16000 (got 199).",
                "Llm:DailyBudgetUsd must not be negative (got -0.5).",
            ],
            result.Failures);
    }

    [Fact]
    public void Providers_need_an_http_address_a_model_and_a_price_for_a_keyed_model()
    {
        var options = new LlmOptions();
        options.Providers.Grok = new LlmProviderOptions { BaseUrl = "ftp://api.x.ai", Model = "" };
        options.Providers.OpenAI = new LlmProviderOptions { ApiKey = "sk-test", BaseUrl = "https://api.openai.com/v1", Model = "gpt-9" };
        options.Prices["cheap"] = new LlmPrice { InputPer1M = -1m, OutputPer1M = 1m };

        var result = Validator.Validate(null, options);

        Assert.Equal(
            [
                "Llm:Prices:cheap: InputPer1M and OutputPer1M must be set and not negative.",
                "Llm:Providers:Grok:BaseUrl must be an absolute http(s) URL (got 'ftp://api.x.ai').",
                "Llm:Providers:Grok:Model is required.",
                "Llm:Prices:gpt-9 is required (InputPer1M and OutputPer1M, US dollars per million tokens): Llm:Providers:OpenAI has a key and uses that model, and every call is costed.",
            ],
            result.Failures);
    }

    [Fact]
    public void A_call_is_costed_from_the_price_per_million_tokens_of_its_model()
    {
        var options = new LlmOptions();

        var price = options.PriceOf("GPT-4O-MINI");

        Assert.NotNull(price);
        Assert.Equal(0.00075m, price.Cost(1000, 1000)); // 1000 × 0.15 + 1000 × 0.60, per million
        Assert.Null(options.PriceOf("unknown-model"));
    }
}
