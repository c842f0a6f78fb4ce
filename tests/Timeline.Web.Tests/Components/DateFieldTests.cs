using Bunit;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Web.Components.Curate;

namespace Timeline.Web.Tests.Components;

public sealed class DateFieldTests : MudTestContext
{
    private IRenderedComponent<DateField> RenderField(PartialDateInput value, Action? changed = null, string? error = null) =>
        Render<DateField>(p => p
            .Add(c => c.Value, value)
            .Add(c => c.Label, "Date")
            .Add(c => c.Name, "start")
            .Add(c => c.Error, error)
            .Add(c => c.Changed, () => changed?.Invoke()));

    [Fact]
    public void It_asks_only_for_the_parts_its_precision_knows()
    {
        var value = new PartialDateInput { Precision = DatePrecision.Year };
        var field = RenderField(value);
        Assert.Single(field.FindAll("#start-year"));
        Assert.Empty(field.FindAll("#start-month"));
        Assert.Empty(field.FindAll("#start-day"));

        Choose(field, "start-precision", DatePrecision.Day);

        Assert.Equal(DatePrecision.Day, value.Precision);
        Assert.Single(field.FindAll("#start-month"));
        Assert.Single(field.FindAll("#start-day"));
        Assert.Empty(field.FindAll("#start-time"));
        Choose(field, "start-precision", DatePrecision.Minute);
        Assert.Single(field.FindAll("#start-time"));
    }

    [Fact]
    public void Typed_parts_reach_the_value_and_the_reader_preview_says_what_readers_will_see()
    {
        var value = new PartialDateInput { Precision = DatePrecision.Month };
        var changes = 0;
        var field = RenderField(value, () => changes++);

        field.Find("#start-year").Change("2013");
        Choose(field, "start-month", 7);
        field.Find("#start-approximate").Change(true);

        Assert.Equal((2013, 7, true), (value.Year!.Value, value.Month!.Value, value.Approximate));
        Assert.Equal(3, changes);
        Assert.Equal("Shown to readers as “c. July 2013”.", field.Find(".field-hint").TextContent);
    }

    [Fact]
    public void Input_that_is_not_a_number_is_kept_out_of_the_value_and_no_preview_is_claimed()
    {
        var value = new PartialDateInput { Precision = DatePrecision.Year, Year = 2014 };
        var field = RenderField(value);

        field.Find("#start-year").Change("２０x");

        Assert.Null(value.Year);
        Assert.Empty(field.FindAll(".field-hint"));
    }

    [Fact]
    public void A_server_message_shows_under_the_field_tied_to_it_and_announced()
    {
        var field = RenderField(new PartialDateInput { Precision = DatePrecision.Day, Year = 2014, Month = 2, Day = 30 },
            error: "February 2014 has 28 days.");

        var message = field.Find("#start-error");
        Assert.Equal("February 2014 has 28 days.", message.TextContent);
        Assert.Equal("alert", message.GetAttribute("role"));
        Assert.Equal("start-error", field.Find("fieldset").GetAttribute("aria-describedby"));
        Assert.Equal("true", field.Find("#start-year").GetAttribute("aria-invalid"));
        Assert.Empty(field.FindAll(".field-hint"));
    }

    [Fact]
    public void A_storyline_span_has_no_approximate_box()
    {
        var field = Render<DateField>(p => p
            .Add(c => c.Value, new PartialDateInput())
            .Add(c => c.Label, "From")
            .Add(c => c.Name, "from")
            .Add(c => c.AllowApproximate, false));
        Assert.Empty(field.FindAll("#from-approximate"));
    }
}
