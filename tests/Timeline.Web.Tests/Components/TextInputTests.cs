using Bunit;
using Timeline.Core.Curation;
using Timeline.Web.Components.Curate;

namespace Timeline.Web.Tests.Components;

public sealed class TextInputTests : MudTestContext
{
    private IRenderedComponent<TextInput> RenderInput(FieldErrors? errors = null, string? required = null, string? prefix = null,
        bool content = true, Action<string>? changed = null, string value = "") =>
        Render<TextInput>(p => p
            .Add(c => c.Id, "event-title")
            .Add(c => c.Label, "Title")
            .Add(c => c.Field, "title")
            .Add(c => c.Value, value)
            .Add(c => c.Errors, errors)
            .Add(c => c.RequiredMessage, required)
            .Add(c => c.ErrorIdPrefix, prefix)
            .Add(c => c.Content, content)
            .Add(c => c.ValueChanged, text => changed?.Invoke(text)));

    [Fact]
    public void The_server_message_is_the_field_s_error_under_it_tied_by_id_and_the_text_stays()
    {
        var errors = new FieldErrors();
        errors.Set("title", "Give the event a title.");
        var input = RenderInput(errors, required: "Give the event a title.", value: "typed so far");

        var field = input.Find("input#event-title");
        Assert.Equal("typed so far", field.GetAttribute("value"));
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Equal("true", field.GetAttribute("aria-required"));
        Assert.Contains("title-error", field.GetAttribute("aria-describedby"));
        Assert.Equal("Give the event a title.", input.Find("#title-error").TextContent.Trim());
        Assert.Equal("Title", input.Find("label[for=event-title]").TextContent.Trim());
        Assert.Equal("auto", field.GetAttribute("dir"));
    }

    [Fact]
    public void Without_a_message_the_field_is_valid_and_an_address_is_not_read_right_to_left()
    {
        var input = RenderInput(new FieldErrors(), content: false);

        var field = input.Find("input#event-title");
        Assert.Equal("false", field.GetAttribute("aria-invalid"));
        Assert.Equal("false", field.GetAttribute("aria-required"));
        Assert.Empty(input.FindAll("#title-error"));
        Assert.Null(field.GetAttribute("dir"));
    }

    [Fact]
    public void Typing_reaches_the_form_at_once_and_forms_repeated_on_a_page_get_their_own_message_ids()
    {
        var typed = new List<string>();
        var errors = new FieldErrors();
        errors.Set("title", "Give the article its headline.");
        var input = RenderInput(errors, prefix: "import-2-", changed: typed.Add);

        input.Find("input#event-title").Input("Jenin");

        Assert.Equal(["Jenin"], typed);
        Assert.Equal("Give the article its headline.", input.Find("#import-2-title-error").TextContent.Trim());
        Assert.Empty(input.FindAll("#title-error"));
    }

    [Fact]
    public void A_required_field_left_empty_says_so_in_the_server_s_words()
    {
        var input = RenderInput(required: "Give the event a title.", value: "x");

        input.Find("input#event-title").Blur();
        Assert.DoesNotContain("Give the event a title.", input.Markup);
        input.Find("input#event-title").Input("");

        input.WaitForAssertion(() => Assert.Contains("Give the event a title.", input.Find(".mud-input-helper-text.mud-input-error").TextContent));
    }
}
