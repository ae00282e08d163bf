using Astropal.Core.Content.News;

namespace Astropal.Tests.Core.Content.News;

public sealed class NewsOptionsTests
{
    private static readonly NewsOptionsValidator Validator = new();

    [Fact]
    public void The_defaults_are_valid_and_fetch_nothing_without_a_key()
    {
        var options = new NewsOptions();

        Assert.True(Validator.Validate(null, options).Succeeded);
        Assert.False(options.Enabled);
        Assert.True(new NewsOptions { ApiKey = "key" }.Enabled);
    }

    [Fact]
    public void Categories_are_trimmed_lower_cased_and_deduplicated() =>
        Assert.Equal(["science", "health"], new NewsOptions { Categories = " Science, health,,SCIENCE " }.CategoryList);

    [Fact]
    public void Every_bad_setting_is_named()
    {
        var options = new NewsOptions { BaseUrl = "newsapi.org/v2", Country = "US", Categories = "science,weather,gossip", PageSize = 101, TimeoutSeconds = 0 };

        var result = Validator.Validate(null, options);

        Assert.Equal(
            [
                "News:BaseUrl must be an absolute http or https address; 'newsapi.org/v2' is not.",
                "News:Country must be a two-letter lower-case country code such as 'us' or 'gb'; 'US' is not.",
                "News:Categories has unknown categories (weather, gossip); NewsAPI knows business, entertainment, general, health, science, sports, technology.",
                "News:PageSize must be between 1 and 100; it is 101.",
                "News:TimeoutSeconds must be between 1 and 120; it is 0.",
            ],
            result.Failures);
    }

    [Fact]
    public void At_least_one_category_is_needed()
    {
        var result = Validator.Validate(null, new NewsOptions { Categories = " , " });

        Assert.Equal(["News:Categories must name at least one category (comma-separated, e.g. 'science,technology,business,health')."], result.Failures);
    }
}
