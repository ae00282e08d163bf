using System.Globalization;
using Microsoft.Extensions.Options;

namespace Astropal.Core.Content.Llm;

/// <summary>The providers of the chain: two OpenAI-compatible chat APIs and the offline composer.</summary>
public enum LlmProviderId
{
    Grok,
    OpenAI,
    Offline,
}

/// <summary>One OpenAI-compatible chat API (<c>Llm:Providers:Grok</c>, <c>Llm:Providers:OpenAI</c>).</summary>
public sealed class LlmProviderOptions
{
    /// <summary>The API key; a provider without one is skipped.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API root, up to and including the version (<c>…/v1</c>).</summary>
    public string BaseUrl { get; set; } = "";

    public string Model { get; set; } = "";

    public bool HasKey => !string.IsNullOrWhiteSpace(ApiKey);
}

public sealed class LlmProvidersOptions
{
    public LlmProviderOptions Grok { get; set; } = new() { BaseUrl = "https://api.x.ai/v1", Model = "grok-3-mini" };

    public LlmProviderOptions OpenAI { get; set; } = new() { BaseUrl = "https://api.openai.com/v1", Model = "gpt-4o-mini" };
}

/// <summary>Price of a model in US dollars per million tokens (<c>Llm:Prices:MODEL:InputPer1M</c>, <c>:OutputPer1M</c>).</summary>
public sealed class LlmPrice
{
    public decimal InputPer1M { get; set; }

    public decimal OutputPer1M { get; set; }

    public decimal Cost(int inputTokens, int outputTokens) =>
        ((inputTokens * InputPer1M) + (outputTokens * OutputPer1M)) / 1_000_000m;
}

/// <summary>Settings of the <c>Llm</c> section: the provider chain, its time limits and the daily budget.</summary>
public sealed class LlmOptions
{
    public const string SectionName = "Llm";

    /// <summary>Comma-separated provider order; the offline composer always ends the chain.</summary>
    public string Order { get; set; } = "Grok, OpenAI, Offline";

    public LlmProvidersOptions Providers { get; set; } = new();

    /// <summary>Time limit of one HTTP attempt, seconds.</summary>
    public double TimeoutSeconds { get; set; } = 15;

    /// <summary>Retries of one call on 429, 5xx, timeouts and network errors (0–5).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First backoff delay between retries, seconds (doubles each time) when the server sends no Retry-After.</summary>
    public double RetryDelaySeconds { get; set; } = 1;

    /// <summary>The longest Retry-After honoured, seconds: a server asking for more is not retried (the next provider is used).</summary>
    public double MaxRetryAfterSeconds { get; set; } = 30;

    /// <summary>How long a provider's circuit stays open after it failed repeatedly, seconds.</summary>
    public double CircuitBreakSeconds { get; set; } = 60;

    /// <summary>Upper bound of the answer length asked from the provider (max output tokens).</summary>
    public int MaxOutputTokens { get; set; } = 1200;

    /// <summary>Segments the preparation job generates at once.</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>Once the day's (UTC) spend reaches this many US dollars the LLM providers are skipped until the next UTC day.</summary>
    public decimal DailyBudgetUsd { get; set; } = 5m;

    /// <summary>Prices per model; every model of a provider with a key needs one.</summary>
    public Dictionary<string, LlmPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["grok-3-mini"] = new() { InputPer1M = 0.30m, OutputPer1M = 0.50m },
        ["gpt-4o-mini"] = new() { InputPer1M = 0.15m, OutputPer1M = 0.60m },
    };

    public LlmProviderOptions Provider(LlmProviderId id) => id switch
    {
        LlmProviderId.Grok => Providers.Grok,
        LlmProviderId.OpenAI => Providers.OpenAI,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "The offline composer has no provider settings."),
    };

    /// <summary>The chain in order, always ending with <see cref="LlmProviderId.Offline"/>.</summary>
    public IReadOnlyList<LlmProviderId> Chain()
    {
        var chain = ParseOrder(Order, out _).TakeWhile(p => p != LlmProviderId.Offline).ToList();
        chain.Add(LlmProviderId.Offline);
        return chain;
    }

    /// <summary>The LLM providers of the chain that have a key (the ones that can be called).</summary>
    public IReadOnlyList<LlmProviderId> Configured() =>
        Chain().Where(p => p != LlmProviderId.Offline && Provider(p).HasKey).ToList();

    public LlmPrice? PriceOf(string model) => Prices.TryGetValue(model, out var price) ? price : null;

    internal static List<LlmProviderId> ParseOrder(string? order, out string? error)
    {
        error = null;
        var result = new List<LlmProviderId>();
        foreach (var name in (order ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<LlmProviderId>(name, ignoreCase: true, out var id) || !Enum.IsDefined(id) || char.IsDigit(name[0]))
            {
                error = $"Llm:Order: unknown provider '{name}'; use Grok, OpenAI and Offline, comma-separated.";
                return result;
            }

            if (result.Contains(id))
            {
                error = $"Llm:Order names '{name}' twice.";
                return result;
            }

            result.Add(id);
        }

        return result;
    }
}

/// <summary>Checks <see cref="LlmOptions"/> at startup; every message names the setting.</summary>
public sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        LlmOptions.ParseOrder(options.Order, out var orderError);
        if (orderError is not null)
        {
            errors.Add(orderError);
        }

        Range(errors, "Llm:TimeoutSeconds", options.TimeoutSeconds, 0.1, 300);
        Range(errors, "Llm:RetryDelaySeconds", options.RetryDelaySeconds, 0.01, 60);
        Range(errors, "Llm:MaxRetryAfterSeconds", options.MaxRetryAfterSeconds, 0, 600);
        Range(errors, "Llm:CircuitBreakSeconds", options.CircuitBreakSeconds, 1, 3600);
        if (options.MaxRetries is < 0 or > 5)
        {
            errors.Add($"Llm:MaxRetries must be between 0 and 5 (got {options.MaxRetries}).");
        }

        if (options.Parallelism is < 1 or > 32)
        {
            errors.Add($"Llm:Parallelism must be between 1 and 32 (got {options.Parallelism}).");
        }

        if (options.MaxOutputTokens is < 200 or > 16000)
        {
            errors.Add($"Llm:MaxOutputTokens must be between 200 and 16000 (got {options.MaxOutputTokens}).");
        }

        if (options.DailyBudgetUsd < 0)
        {
            errors.Add($"Llm:DailyBudgetUsd must not be negative (got {options.DailyBudgetUsd.ToString(CultureInfo.InvariantCulture)}).");
        }

        foreach (var (model, price) in options.Prices)
        {
            if (price is null || price.InputPer1M < 0 || price.OutputPer1M < 0)
            {
                errors.Add($"Llm:Prices:{model}: InputPer1M and OutputPer1M must be set and not negative.");
            }
        }

        foreach (var id in new[] { LlmProviderId.Grok, LlmProviderId.OpenAI })
        {
            var provider = options.Provider(id);
            var prefix = $"Llm:Providers:{id}";
            if (!Uri.TryCreate(provider.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add($"{prefix}:BaseUrl must be an absolute http(s) URL (got '{provider.BaseUrl}').");
            }

            if (string.IsNullOrWhiteSpace(provider.Model))
            {
                errors.Add($"{prefix}:Model is required.");
            }
            else if (provider.HasKey && options.PriceOf(provider.Model) is null)
            {
                errors.Add($"Llm:Prices:{provider.Model} is required (InputPer1M and OutputPer1M, US dollars per million tokens): {prefix} has a key and uses that model, and every call is costed.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Range(List<string> errors, string setting, double value, double min, double max)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{setting} must be between {min} and {max} (got {value})."));
        }
    }
}
