using Bunit;
using MudBlazor;
using Timeline.Web.Components.Curate;

namespace Timeline.Web.Tests.Components;

public sealed class TagPickerTests : MudTestContext
{
    private readonly List<string> values = ["Peace talks"];
    private int changes;

    private (IRenderedComponent<MudPopoverProvider> Popovers, IRenderedComponent<TagPicker> Picker) RenderPicker()
    {
        var popovers = Render<MudPopoverProvider>(); // the suggestions render in here, not in the picker
        var picker = Render<TagPicker>(p => p
            .Add(c => c.Label, "Topics")
            .Add(c => c.Singular, "topic")
            .Add(c => c.Name, "topics")
            .Add(c => c.Values, values)
            .Add(c => c.Choices, ["Peace talks", "Security coordination", "Sanctions", "Settlements"])
            .Add(c => c.Changed, () => changes++));
        return (popovers, picker);
    }

    /// <summary>Types into the picker, waits for exactly <paramref name="options"/>, and picks the first.</summary>
    private static void TypeAndPickFirst(IRenderedComponent<TagPicker> picker, IRenderedComponent<MudPopoverProvider> popovers, string typed, params string[] options)
    {
        picker.Find("#topics-pick").Input(typed);
        WaitForOptions(popovers, options);
        popovers.FindAll(".mud-list-item")[0].Click();
    }

    private static void WaitForOptions(IRenderedComponent<MudPopoverProvider> popovers, params string[] expected) =>
        popovers.WaitForAssertion(
            () => Assert.Equal(expected, popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())),
            TimeSpan.FromSeconds(3));

    [Fact]
    public void Typing_suggests_the_matching_choices_not_yet_chosen_and_offers_a_new_one()
    {
        var (popovers, picker) = RenderPicker();

        picker.Find("#topics-pick").Input("s");
        WaitForOptions(popovers, "Sanctions", "Security coordination", "Settlements", "Add new topic “s”");

        picker.Find("#topics-pick").Input("peace");
        WaitForOptions(popovers, "Add new topic “peace”"); // "Peace talks" is chosen already, and "peace" is a new name
    }

    [Fact]
    public void Picking_a_suggestion_adds_it_as_a_chip_and_reports_the_change()
    {
        var (popovers, picker) = RenderPicker();

        TypeAndPickFirst(picker, popovers, "secu", "Security coordination", "Add new topic “secu”");

        picker.WaitForAssertion(() => Assert.Equal(["Peace talks", "Security coordination"], values));
        Assert.Equal(1, changes);
        Assert.Equal(["Peace talks", "Security coordination"], picker.FindAll(".tag-chips .mud-chip").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public void A_new_name_typed_in_another_case_is_the_existing_tag()
    {
        var (popovers, picker) = RenderPicker();

        TypeAndPickFirst(picker, popovers, "  SANCTIONS ", "Sanctions");

        picker.WaitForAssertion(() => Assert.Equal(["Peace talks", "Sanctions"], values));
    }

    [Fact]
    public void A_new_name_is_added_as_typed_trimmed()
    {
        var (popovers, picker) = RenderPicker();

        TypeAndPickFirst(picker, popovers, " Reconstruction ", "Add new topic “Reconstruction”");

        picker.WaitForAssertion(() => Assert.Equal(["Peace talks", "Reconstruction"], values));
    }

    [Fact]
    public void Closing_a_chip_removes_that_tag()
    {
        var (_, picker) = RenderPicker();

        picker.Find(".tag-chips .mud-chip button").Click();

        Assert.Empty(values);
        Assert.Equal(1, changes);
        Assert.Empty(picker.FindAll(".tag-chips"));
    }

    [Fact]
    public void The_field_is_labelled_and_its_button_has_a_name()
    {
        var (_, picker) = RenderPicker();
        Assert.Equal("Topics", picker.Find("label[for=topics-pick]").TextContent.Trim());
        Assert.Equal("Show the topics", picker.Find("button.mud-input-adornment-icon-button").GetAttribute("aria-label"));
        Assert.Equal("Chosen topics", picker.Find("ul.tag-chips").GetAttribute("aria-label"));
    }
}
