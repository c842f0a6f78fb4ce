using Timeline.Core.Search;
using Bunit;
using MudBlazor;
using Timeline.Core.Curation;
using Timeline.Web.Components.Curate;

namespace Timeline.Web.Tests.Components;

public sealed class DiffViewTests : MudTestContext
{
    [Fact]
    public void Removed_and_added_words_are_marked_field_by_field_as_text()
    {
        FieldChange[] changes =
        [
            new("Title", "Talks end", "Talks collapse", [new(DiffPieceKind.Same, "Talks "), new(DiffPieceKind.Removed, "end"), new(DiffPieceKind.Added, "collapse")]),
            new("Summary", "", "<script>alert(1)</script>", [new(DiffPieceKind.Added, "<script>alert(1)</script>")]),
        ];
        var view = Render<DiffView>(p => p.Add(c => c.Changes, changes));

        Assert.Equal(["Title", "Summary"], view.FindAll("dt").Select(d => d.TextContent));
        Assert.Equal("end", view.Find("dd del").TextContent);
        Assert.Equal(["collapse", "<script>alert(1)</script>"], view.FindAll("dd ins").Select(i => i.TextContent));
        Assert.Empty(view.FindAll("script"));
        Assert.All(view.FindAll("dd"), dd => Assert.Equal("auto", dd.GetAttribute("dir")));
    }

    [Fact]
    public void No_change_renders_nothing()
    {
        var view = Render<DiffView>(p => p.Add(c => c.Changes, Array.Empty<FieldChange>()));
        Assert.Empty(view.Markup.Trim());
    }
}

public sealed class KeysetPagesTests
{
    // A list of 60 rows in pages of 25: each load answers the page after a cursor and the cursor after it.
    private readonly List<string?> loads = [];

    private KeysetPage<string> Load(string? after)
    {
        loads.Add(after);
        return after switch
        {
            null => Page("rows 1-25", "c25"),
            "c25" => Page("rows 26-50", "c50"),
            "c50" => Page("rows 51-60", null),
            _ => throw new InvalidOperationException("unknown cursor " + after),
        };
    }

    private static KeysetPage<string> Page(string rows, string? next) => new([rows], 60, next);

    [Fact]
    public void Pages_in_order_each_cost_one_load_after_the_cursor_of_the_page_before()
    {
        var pages = new KeysetPages();
        Assert.Equal("rows 1-25", pages.Load(0, Load).Rows[0]);
        Assert.Equal("rows 26-50", pages.Load(1, Load).Rows[0]);
        Assert.Equal("rows 1-25", pages.Load(0, Load).Rows[0]);
        Assert.Equal([null, "c25", null], loads);
    }

    [Fact]
    public void A_page_further_on_is_reached_page_by_page_and_then_remembered()
    {
        var pages = new KeysetPages();
        Assert.Equal("rows 51-60", pages.Load(2, Load).Rows[0]);
        Assert.Equal([null, "c25", "c50"], loads);
        loads.Clear();
        Assert.Equal("rows 51-60", pages.Load(2, Load).Rows[0]);
        Assert.Equal(["c50"], loads);
    }

    [Fact]
    public void A_page_past_the_end_gives_the_last_and_reset_forgets_the_cursors()
    {
        var pages = new KeysetPages();
        Assert.Equal("rows 51-60", pages.Load(9, Load).Rows[0]);
        pages.Reset();
        loads.Clear();
        Assert.Equal("rows 1-25", pages.Load(1, _ => Page("rows 1-25", null)).Rows[0]);
    }

    [Fact]
    public async Task A_grid_sorted_the_other_way_loads_oldest_first_with_new_cursors()
    {
        var pages = new KeysetPages();
        var orders = new List<bool>();
        KeysetPage<string> LoadInOrder(string? after, bool oldestFirst)
        {
            orders.Add(oldestFirst);
            return Load(after);
        }
        static GridState<string> State(int page, bool? descending) => new()
        {
            Page = page, PageSize = 25,
            SortDefinitions = descending is { } d ? [new SortDefinition<string>("Start", d, 0, row => row)] : [],
        };

        await pages.LoadGrid(State(1, descending: true), LoadInOrder);
        Assert.Equal([false, false], orders); // newest first: the first page, then the second
        orders.Clear();
        loads.Clear();
        var data = await pages.LoadGrid(State(1, descending: false), LoadInOrder);
        Assert.Equal("rows 1-25", data.Items.Single()); // a new order starts at its first page, whatever page was shown
        Assert.Equal(60, data.TotalItems);
        Assert.Equal([true], orders);          // the cursors of the other order were not used
        Assert.Equal([null], loads);
        orders.Clear();
        Assert.Equal("rows 26-50", (await pages.LoadGrid(State(1, descending: false), LoadInOrder)).Items.Single());
        Assert.Equal([true], orders);          // the next page of the new order: one load from its remembered cursor
        orders.Clear();
        await pages.LoadGrid(State(0, descending: null), LoadInOrder);
        Assert.Equal([false], orders);        // no sort: newest first again
    }
}

public sealed class FieldErrorTests : MudTestContext
{
    [Fact]
    public void Only_the_named_field_s_message_shows_with_its_id()
    {
        var errors = new FieldErrors();
        errors.Set("title", "Give the event a title.");
        var title = Render<FieldError>(p => p.Add(c => c.Errors, errors).Add(c => c.Field, "title"));
        var slug = Render<FieldError>(p => p.Add(c => c.Errors, errors).Add(c => c.Field, "slug"));

        Assert.Equal("Give the event a title.", title.Find("#title-error[role=alert]").TextContent);
        Assert.Empty(slug.Markup.Trim());
    }
}
