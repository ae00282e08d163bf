using System.Text;
using Astropal.Core.Places;

namespace Astropal.Tests.Core.Places;

/// <summary>The index built from a small gazetteer file: labels, ambiguity, and what a malformed file gives.</summary>
public sealed class GazetteerIndexTests
{
    private const string Countries = "code\tname\nUS\tUnited States of America\nCA\tCanada\nAU\tAustralia\nFR\tFrance\n";
    private const string Header = "geonameid\tname\tascii_name\tcountry_code\tadmin1_code\tlatitude\tlongitude\tpopulation\tiana_timezone\n";

    private static GazetteerIndex Load(string cities, string countries = Countries) =>
        GazetteerIndex.Load(new MemoryStream(Encoding.UTF8.GetBytes(cities)), new MemoryStream(Encoding.UTF8.GetBytes(countries)));

    private static string Row(int id, string name, string country, string admin1, int population = 1000, string zone = "America/New_York") =>
        $"{id}\t{name}\t{name}\t{country}\t{admin1}\t10.123456\t-20.5\t{population}\t{zone}\n";

    [Theory]
    [InlineData("CA", "08", "Toronto, ON, Canada")]
    [InlineData("CA", "06", "Toronto, Canada")]
    [InlineData("AU", "02", "Toronto, NSW, Australia")]
    [InlineData("AU", "09", "Toronto, Australia")]
    [InlineData("US", "OH", "Toronto, OH, United States")]
    [InlineData("US", "", "Toronto, United States")]
    [InlineData("FR", "11", "Toronto, France")]
    [InlineData("ZZ", "01", "Toronto, ZZ")]
    public void Labels_show_the_region_only_where_it_is_customary(string country, string admin1, string label)
    {
        var index = Load(Header + Row(1, "Toronto", country, admin1));

        Assert.Equal(label, index.City(0).Label);
    }

    [Fact]
    public void A_city_keeps_its_columns_with_coordinates_to_five_decimals()
    {
        var index = Load(Header + Row(42, "Springfield", "US", "MO", 169176, "America/Chicago"));

        var city = index.City(index.IndexOfId(42)!.Value);

        Assert.Equal(new GazetteerCity(42, "Springfield", "MO", "MO", "US", "United States", 10.12346, -20.5, "America/Chicago", 169176, "Springfield, MO, United States", false), city);
        Assert.Null(index.IndexOfId(43));
        Assert.Equal(["America/Chicago"], index.ZoneIds);
    }

    [Fact]
    public void Cities_whose_labels_would_read_the_same_are_marked_ambiguous()
    {
        var index = Load(Header
            + Row(1, "Springfield", "US", "IL") + Row(2, "Springfield", "US", "MO") + Row(3, "Springfield", "US", "MO")
            + Row(4, "Paris", "FR", "11") + Row(5, "Paris", "FR", "44"));

        Assert.Equal([false, true, true, true, true], Enumerable.Range(0, index.Count).Select(i => index.City(i).LabelIsAmbiguous));
    }

    [Fact]
    public void A_name_longer_than_the_scratch_buffer_is_still_searchable()
    {
        var longName = string.Join(' ', Enumerable.Repeat("Llanfairpwllgwyngyll", 12));
        var index = Load(Header + Row(7, longName, "FR", "11"));

        Span<int> best = stackalloc int[1];
        Assert.Equal(1, index.Collect("llanfair"u8, best, 0));
        Assert.Equal(0, best[0]);
    }

    [Fact]
    public void Blank_lines_are_skipped()
    {
        var index = Load(Header + "\n" + Row(1, "Lyon", "FR", "84") + "\n");

        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void An_empty_file_is_refused() =>
        Assert.Throws<InvalidDataException>(() => Load(""));

    [Fact]
    public void A_header_with_the_wrong_columns_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => Load("geonameid\tname\n"));

        Assert.Equal("Expected 9 columns, header is 'geonameid\tname'.", error.Message);
    }

    [Fact]
    public void A_row_with_the_wrong_field_count_is_refused_with_its_line_number()
    {
        var error = Assert.Throws<InvalidDataException>(() => Load(Header + Row(1, "Lyon", "FR", "84") + "2\tNice\n"));

        Assert.Equal("Line 3: expected 9 fields, found 2.", error.Message);
    }
}
