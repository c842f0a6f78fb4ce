using Timeline.Core.Dates;

namespace Timeline.Core.Tests.Dates;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2014", "2014", "2014")]
    [InlineData("2013-07", "July 2013", "2013-07")]
    [InlineData("2014-04-09", "9 April 2014", "2014-04-09")]
    [InlineData("2014-04-09T14:30", "9 April 2014, 14:30", "2014-04-09T14:30")]
    public void Shows_only_as_much_as_is_known(string text, string shown, string iso)
    {
        var date = PartialDate.Parse(text);
        Assert.Equal(shown, date.Format());
        Assert.Equal(iso, date.ToIsoString());
    }

    [Fact]
    public void A_month_precise_date_never_reads_as_the_first_of_the_month()
    {
        var july = PartialDate.Month(2013, 7);
        Assert.Equal("July 2013", july.Format());
        Assert.DoesNotContain("1 July", july.Format());
    }

    [Fact]
    public void Approximate_dates_are_marked()
    {
        Assert.Equal("c. 3 February 2023", PartialDate.Parse("2023-02-03", approximate: true).Format());
        Assert.Equal("~2023-02-03", PartialDate.Parse("2023-02-03", approximate: true).ToString());
    }

    [Fact]
    public void Coarser_dates_sort_before_the_finer_dates_they_contain()
    {
        var dates = new[]
        {
            PartialDate.Parse("2013-07-01T09:00"),
            PartialDate.Day(2013, 7, 1),
            PartialDate.Day(2013, 6, 30),
            PartialDate.Month(2013, 7),
            PartialDate.Year(2013),
            PartialDate.Day(2013, 7, 2),
        };
        var sorted = dates.Order().Select(d => d.ToIsoString()).ToArray();
        Assert.Equal(["2013", "2013-06-30", "2013-07", "2013-07-01", "2013-07-01T09:00", "2013-07-02"], sorted);
    }

    [Fact]
    public void The_value_is_the_start_of_the_period_and_end_is_exclusive()
    {
        var july = new PartialDate(new DateTime(2013, 7, 19, 15, 4, 0), DatePrecision.Month);
        Assert.Equal(new DateTime(2013, 7, 1), july.Value);
        Assert.Equal(new DateTime(2013, 8, 1), july.End);
        Assert.Equal(new DateTime(2015, 1, 1), PartialDate.Year(2014).End);
        Assert.Equal(new DateTime(2014, 4, 10), PartialDate.Day(2014, 4, 9).End);
    }

    [Theory]
    [InlineData("")]
    [InlineData("July 2013")]
    [InlineData("2013-13")]
    [InlineData("2023-02-30")]
    [InlineData("2014-04-09T24:00")]
    [InlineData("14-04-09")]
    [InlineData("2014-4-9")]
    public void Rejects_what_is_not_a_real_date_with_a_message(string text)
    {
        Assert.False(PartialDate.TryParse(text, false, out _, out var error));
        Assert.Contains(text, error);
        Assert.Throws<FormatException>(() => PartialDate.Parse(text));
    }

    [Fact]
    public void Formats_a_range_and_a_single_date()
    {
        Assert.Equal("26 January 2023 – c. 3 February 2023",
            PartialDate.FormatRange(PartialDate.Day(2023, 1, 26), PartialDate.Day(2023, 2, 3, approximate: true)));
        Assert.Equal("September 2022", PartialDate.FormatRange(PartialDate.Month(2022, 9), PartialDate.Month(2022, 9)));
        Assert.Equal("2014", PartialDate.FormatRange(PartialDate.Year(2014), null));
    }

    [Fact]
    public void Survives_a_json_round_trip()
    {
        var dates = new[] { PartialDate.Month(2013, 7), PartialDate.Parse("2023-02-03", approximate: true), PartialDate.Parse("2014-04-09T14:30") };
        var json = System.Text.Json.JsonSerializer.Serialize(dates);
        Assert.Equal(dates, System.Text.Json.JsonSerializer.Deserialize<PartialDate[]>(json));
    }
}
