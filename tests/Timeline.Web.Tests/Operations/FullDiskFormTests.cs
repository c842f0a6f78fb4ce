using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Timeline.Core.Storage;
using Timeline.Tests.Support;
using Timeline.Web.Components.Curate.Pages;
using Timeline.Web.Tests.Components;

namespace Timeline.Web.Tests.Operations;

/// <summary>A save refused for a full disk says so in words and keeps everything typed; once space is back, the same form saves.</summary>
public sealed class FullDiskFormTests(TimelineWebFactory factory) : CuratorPageContext(factory, "bunit-full-disk"), IClassFixture<TimelineWebFactory>
{
    [Fact]
    public void A_save_on_a_full_disk_is_refused_with_the_reason_and_the_form_keeps_the_input()
    {
        var store = Service<TimelineStore>();
        var events = store.Events.Count();
        var floor = store.FreeSpaceFloor;
        var page = Render<EventEditorPage>();
        page.Find("#event-title").Input("Typed while the disk was full");
        page.Find("#event-summary").Input("A summary worth keeping.");
        Choose(page, "start-precision", Timeline.Core.Dates.DatePrecision.Year);
        page.Find("#start-year").Change("2024");

        store.FreeSpaceFloor = long.MaxValue;
        try
        {
            page.Find("form").Submit();
            page.WaitForAssertion(() => Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars,
                s => s.Message!.StartsWith("Not saved: the disk that holds the store has") && s.Message.EndsWith("What you typed is still in the form.")));
            Assert.Equal("Typed while the disk was full", page.Find("#event-title").GetAttribute("value"));
            Assert.Equal("A summary worth keeping.", page.Find("#event-summary").GetAttribute("value"));
            Assert.Equal(events, store.Events.Count());
        }
        finally
        {
            store.FreeSpaceFloor = floor;
        }

        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.True(events + 1 == store.Events.Count(), string.Join(" / ", Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message))), TimeSpan.FromSeconds(5));
        Assert.Contains(store.Events.FindAll(), e => e.Title == "Typed while the disk was full");
    }
}
