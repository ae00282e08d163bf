using Astropal.Core.Places;

namespace Astropal.Tests.Core.Places;

public sealed class GazetteerSearchTests(GazetteerFixture fixture) : IClassFixture<GazetteerFixture>
{
    private readonly Gazetteer gazetteer = fixture.Gazetteer;

    [Fact]
    public void Loads_every_city_of_the_data_set()
    {
        Assert.Equal(49_670, gazetteer.Count);
        Assert.Equal(372, gazetteer.TimeZoneIds.Count);
    }

    [Fact]
    public void Paris_ranks_Paris_France_first_then_the_smaller_homonyms()
    {
        var results = gazetteer.Search("Paris");

        var first = results[0];
        Assert.Equal(2988507, first.GeonameId);
        Assert.Equal("FR", first.CountryCode);
        Assert.Equal("France", first.CountryName);
        Assert.Equal("Europe/Paris", first.TimeZoneId);
        Assert.Equal("Paris, France", first.Label);
        Assert.Contains(results, c => c.Label == "Paris, TX, United States" && c.TimeZoneId == "America/Chicago");
    }

    [Fact]
    public void Results_are_ranked_by_population_and_hold_no_duplicates()
    {
        foreach (var query in new[] { "s", "san", "new", "a", "ba" })
        {
            var results = gazetteer.Search(query, Gazetteer.MaxLimit);

            Assert.Equal(Gazetteer.MaxLimit, results.Count);
            Assert.Equal(results.Count, results.Select(c => c.GeonameId).Distinct().Count());
            for (var i = 1; i < results.Count; i++)
            {
                Assert.True(results[i - 1].Population >= results[i].Population, $"'{query}': {results[i - 1].Label} before {results[i].Label}");
            }
        }
    }

    [Fact]
    public void San_jose_homonyms_are_told_apart_by_region_and_country()
    {
        var labels = gazetteer.Search("san jose", 20).Select(c => c.Label).ToList();

        Assert.Equal("San Jose, CA, United States", labels[0]);
        Assert.Contains("San José, Costa Rica", labels);
        Assert.Contains("San Jose, Philippines", labels);
    }

    [Fact]
    public void A_name_shared_within_one_country_and_region_is_flagged_ambiguous()
    {
        var philippines = gazetteer.Search("san jose", 50).Where(c => c.Label == "San Jose, Philippines").ToList();
        var california = gazetteer.Search("san jose", 1).Single();

        Assert.True(philippines.Count > 1);
        Assert.All(philippines, c => Assert.True(c.LabelIsAmbiguous));
        Assert.False(california.LabelIsAmbiguous);
    }

    [Theory]
    [InlineData("Springfield", "Springfield, MO, United States", "MO")]
    [InlineData("Sydney", "Sydney, NSW, Australia", "NSW")]
    [InlineData("Toronto", "Toronto, ON, Canada", "ON")]
    [InlineData("London", "London, United Kingdom", null)]
    public void Labels_show_the_region_for_the_United_States_Canada_and_Australia_only(string query, string label, string? region)
    {
        var first = gazetteer.Search(query, 1).Single();

        Assert.Equal(label, first.Label);
        Assert.Equal(region, first.Region);
    }

    [Theory]
    [InlineData("zurich", 2657896)]
    [InlineData("ZÜRICH", 2657896)]
    [InlineData("sao paulo", 3448439)]
    [InlineData("São Paulo", 3448439)]
    [InlineData("Koeln", 2886242)]
    [InlineData("koln", 2886242)]
    [InlineData("Köln", 2886242)]
    [InlineData("Duesseldorf", 2934246)]
    [InlineData("Nuernberg", 2861650)]
    [InlineData("goeteborg", 2711537)]
    [InlineData("malmo", 2692969)]
    public void Accents_and_German_transliterations_are_folded(string query, int geonameId)
    {
        Assert.Equal(geonameId, gazetteer.Search(query, 1).Single().GeonameId);
    }

    [Fact]
    public void The_plain_spelling_still_matches_when_the_German_one_is_tried_too()
    {
        // "Buenos" must not turn into "bunos" only: both spellings are searched.
        Assert.Equal("Buenos Aires", gazetteer.Search("buenos", 1).Single().Name);
    }

    [Fact]
    public void A_lone_digraph_is_not_widened_to_a_single_letter()
    {
        var results = gazetteer.Search("ae", 20);

        Assert.NotEmpty(results);
        Assert.All(results, c => Assert.Contains("ae", PlaceNameFolding.FoldToString(c.Name), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("main", "Frankfurt am Main")]
    [InlineData("am main", "Frankfurt am Main")]
    [InlineData("san sebastian", "Donostia / San Sebastián")]
    [InlineData("st louis", "St. Louis")]
    [InlineData("st. louis", "St. Louis")]
    [InlineData("aquila", "L'Aquila")]
    [InlineData("l'aquila", "L'Aquila")]
    [InlineData("l’aquila", "L'Aquila")]
    public void Matches_a_prefix_of_any_word_of_the_name(string query, string name)
    {
        Assert.Contains(gazetteer.Search(query, 10), c => c.Name == name);
    }

    [Fact]
    public void Word_prefix_matches_rank_with_name_prefix_matches_by_population()
    {
        var names = gazetteer.Search("main", 3).Select(c => c.Name).ToList();

        Assert.Equal(["Frankfurt am Main", "Mainz", "Mainpuri"], names);
    }

    [Fact]
    public void Prefix_search_matches_partial_words()
    {
        Assert.Equal("Tokyo", gazetteer.Search("tok", 1).Single().Name);
        Assert.Equal("Frankfurt am Main", gazetteer.Search("frankfurt a", 1).Single().Name);
    }

    [Fact]
    public void Limit_caps_the_number_of_results()
    {
        Assert.Equal(3, gazetteer.Search("spring", 3).Count);
        Assert.Equal(10, gazetteer.Search("spring").Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ---")]
    [InlineData("東京")]
    [InlineData("qxqxqxqx")]
    public void Empty_blank_unsearchable_or_unmatched_input_gives_no_result(string query)
    {
        Assert.Empty(gazetteer.Search(query));
    }

    [Fact]
    public void Input_longer_than_the_maximum_gives_no_result()
    {
        var tooLong = "Paris" + new string(' ', Gazetteer.MaxQueryLength);

        Assert.Empty(gazetteer.Search(tooLong));
        Assert.NotEmpty(gazetteer.Search("Paris".PadRight(Gazetteer.MaxQueryLength)));
    }

    [Fact]
    public void Null_query_or_a_limit_out_of_range_is_a_programming_error()
    {
        Assert.Throws<ArgumentNullException>(() => gazetteer.Search(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => gazetteer.Search("Paris", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => gazetteer.Search("Paris", Gazetteer.MaxLimit + 1));
    }

    [Fact]
    public void Find_returns_the_city_with_that_geonameid()
    {
        var zurich = gazetteer.Find(2657896);

        Assert.NotNull(zurich);
        Assert.Equal("Zürich", zurich.Name);
        Assert.Equal("ZH", zurich.Admin1Code);
        Assert.Equal("CH", zurich.CountryCode);
        Assert.Equal("Switzerland", zurich.CountryName);
        Assert.Equal(47.36667, zurich.Latitude);
        Assert.Equal(8.55, zurich.Longitude);
        Assert.Equal("Europe/Zurich", zurich.TimeZoneId);
        Assert.Equal(341730, zurich.Population);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Find_returns_null_for_an_unknown_id(int geonameId)
    {
        Assert.Null(gazetteer.Find(geonameId));
    }

    [Fact]
    public void Find_returns_the_same_record_the_search_returned()
    {
        var found = gazetteer.Search("Cairo", 1).Single();

        Assert.Equal(found, gazetteer.Find(found.GeonameId));
    }

    [Fact]
    public void Loads_once_when_first_used_from_many_threads()
    {
        var loads = 0;
        var fresh = new Gazetteer(() =>
        {
            Interlocked.Increment(ref loads);
            return GazetteerIndex.LoadEmbedded();
        });

        var firsts = new string[16];
        Parallel.For(0, firsts.Length, i => firsts[i] = fresh.Search("lon", 1).Single().Label);

        Assert.Equal(1, loads);
        Assert.All(firsts, label => Assert.Equal("London, United Kingdom", label));
    }
}
