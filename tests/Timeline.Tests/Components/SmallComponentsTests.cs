using Bunit;
using Timeline.Core.Curation;
using Timeline.Web.Components.Curate;

namespace Timeline.Tests.Components;

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

public sealed class KeysetPagerTests : MudTestContext
{
    [Fact]
    public void Older_passes_the_next_cursor_and_newer_goes_back_to_the_cursor_before()
    {
        var loads = new List<string?>();
        string? next = "cursor-2";
        var shownFrom = 0;
        IRenderedComponent<KeysetPager>? pager = null;
        pager = Render<KeysetPager>(p => p
            .Add(c => c.Label, "Events pages")
            .Add(c => c.Total, 60)
            .Add(c => c.Shown, 25)
            .Add(c => c.Next, next)
            .Add(c => c.Load, cursor => { loads.Add(cursor); shownFrom++; }));

        Assert.Equal("1–25 of 60", pager.Find("[role=status]").TextContent);
        var newer = pager.FindAll("button")[0];
        Assert.True(newer.HasAttribute("disabled"));

        pager.FindAll("button")[1].Click(); // Older →
        Assert.Equal(["cursor-2"], loads);
        Assert.Equal("26–50 of 60", pager.Find("[role=status]").TextContent);
        Assert.False(pager.FindAll("button")[0].HasAttribute("disabled"));

        pager.Render(p => p.Add(c => c.Next, (string?)null).Add(c => c.Shown, 10)); // the last page
        Assert.True(pager.FindAll("button")[1].HasAttribute("disabled"));

        pager.FindAll("button")[0].Click(); // ← Newer
        Assert.Equal(["cursor-2", null], loads);
        Assert.True(pager.FindAll("button")[0].HasAttribute("disabled"));
    }

    [Fact]
    public void An_empty_list_says_nothing_and_cannot_page()
    {
        var pager = Render<KeysetPager>(p => p
            .Add(c => c.Label, "Events pages").Add(c => c.Total, 0).Add(c => c.Shown, 0)
            .Add(c => c.Load, (string? _) => { }));
        Assert.Equal("", pager.Find("[role=status]").TextContent);
        Assert.All(pager.FindAll("button"), b => Assert.True(b.HasAttribute("disabled")));
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
