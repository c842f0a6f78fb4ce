using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timeline.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.EndToEnd.Tests.Browser;

/// <summary>The time axis in real Chromium: one tab stop moved with the keys, drag, wheel, swipe and pinch, and Back
/// through each view; the list follows every move.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TimeAxisJourneyTests(BrowserFixture browser)
{
    private static ILocator Events(IPage page) => page.Locator("[data-timeline] li.event-item");
    private static Task<string?> FocusedLabelAsync(IPage page) => page.EvaluateAsync<string?>("document.activeElement?.getAttribute('aria-label')");

    /// <summary>Waits for the view at this address, its axis set up by the script: the address changes when a move
    /// starts, and a key or touch sent before the new view arrives acts on the old one (two flaky runs did).</summary>
    private static async Task ExpectViewAsync(IPage page, string query)
    {
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(query) + "$"));
        await Expect(page.Locator("[data-axis]")).ToHaveAttributeAsync("data-ready-for", page.Url);
    }

    [Fact]
    public async Task The_axis_is_one_tab_stop_whose_keys_move_zoom_in_zoom_out_and_pan()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        // One tab stop: from the last control before the axis, Tab lands on its first period and the next Tab leaves it.
        // (The "All filter choices" link hides once the script has filled in every choice.)
        await Expect(page.Locator("a[data-more-choices]")).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("2013: 1 event, 1 storyline", await FocusedLabelAsync(page));
        await Expect(page.Locator(".time-axis a[tabindex='0']")).ToHaveCountAsync(1);
        await Expect(page.Locator(".axis-marks > a:not([tabindex='-1'])")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal(0, await page.EvaluateAsync<int>("document.activeElement.closest('.time-axis') ? 1 : 0"));
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("2013: 1 event, 1 storyline", await FocusedLabelAsync(page));

        await page.Keyboard.PressAsync("End");
        Assert.Equal("2023: 5 events, 1 storyline", await FocusedLabelAsync(page));
        await page.Keyboard.PressAsync("Home");
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("2014: 9 events, 1 storyline", await FocusedLabelAsync(page));
        Assert.Equal("solid", await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));

        // Enter zooms in; the keyboard stays on the axis, on the new view's first period.
        await page.Keyboard.PressAsync("Enter");
        await ExpectViewAsync(page, "/?from=2014&to=2014&zoom=months");
        await Expect(Events(page)).ToHaveCountAsync(9);
        await Expect(page.Locator(".axis-periods > a:focus")).ToHaveCountAsync(1);
        Assert.Equal("January 2014: 0 events, 1 storyline", await FocusedLabelAsync(page));
        for (var i = 0; i < 3; i++)
            await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("April 2014: 8 events, 1 storyline", await FocusedLabelAsync(page));
        await page.Keyboard.PressAsync("Enter");
        await ExpectViewAsync(page, "/?from=2014-04&to=2014-04&zoom=days");
        await Expect(Events(page)).ToHaveCountAsync(8);

        // Escape zooms out; Left past the first period pans to the window before.
        await page.Keyboard.PressAsync("Escape");
        await ExpectViewAsync(page, "/?from=2014&to=2014&zoom=months");
        await Expect(Events(page)).ToHaveCountAsync(9);
        await Expect(page.Locator(".axis-periods > a:focus")).ToHaveAttributeAsync("aria-label", "January 2014: 0 events, 1 storyline");
        await page.Keyboard.PressAsync("ArrowLeft");
        await ExpectViewAsync(page, "/?from=2013&to=2013&zoom=months");
        await Expect(Events(page)).ToHaveCountAsync(1);
        // (January to June and August to December of 2013 are folded: July is its last period, and its first.)
        Assert.Equal("July 2013: 1 event, 1 storyline", await FocusedLabelAsync(page));

        // Back and Forward restore each view, the list with it.
        await page.GoBackAsync();
        await ExpectViewAsync(page, "/?from=2014&to=2014&zoom=months");
        await Expect(Events(page)).ToHaveCountAsync(9);
        await page.GoBackAsync();
        await ExpectViewAsync(page, "/?from=2014-04&to=2014-04&zoom=days");
        await Expect(Events(page)).ToHaveCountAsync(8);
        await page.GoForwardAsync();
        await Expect(Events(page)).ToHaveCountAsync(9);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_drag_pans_and_ctrl_wheel_zooms_and_back_restores_each_view()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/?from=2014&to=2014&zoom=months");
        var box = (await page.Locator(".time-axis").BoundingBoxAsync())!;
        var y = box.Y + box.Height - 20;

        // Dragging the year to the right brings the year before.
        await page.Mouse.MoveAsync(box.X + box.Width * 0.3f, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.5f, y, new() { Steps = 5 });
        await page.Mouse.MoveAsync(box.X + box.Width * 0.7f, y, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await ExpectViewAsync(page, "/?from=2013&to=2013&zoom=months");
        await Expect(page.Locator(".period-heading")).ToHaveTextAsync(["July 2013"]);

        // A short drag springs back and is no click on the period under it.
        box = (await page.Locator(".time-axis").BoundingBoxAsync())!;
        y = box.Y + box.Height - 20;
        await page.Mouse.MoveAsync(box.X + box.Width * 0.55f, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.58f, y, new() { Steps = 3 });
        await page.Mouse.UpAsync();
        await ExpectViewAsync(page, "/?from=2013&to=2013&zoom=months");
        Assert.Equal("", await page.Locator(".axis-periods").EvaluateAsync<string>("e => e.style.transform"));

        // Ctrl+wheel (a trackpad's pinch) over July zooms into July; an ordinary wheel scrolls the page as always.
        var july = (await page.Locator(".axis-periods > a[aria-label^='July 2013']").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(july.X + july.Width / 2, july.Y + july.Height / 2);
        await page.Keyboard.DownAsync("Control");
        await page.Mouse.WheelAsync(0, -120);
        await page.Keyboard.UpAsync("Control");
        await ExpectViewAsync(page, "/?from=2013-07&to=2013-07&zoom=days");
        await Expect(Events(page)).ToHaveCountAsync(1);
        // One move per wheel gesture: the wheel keeps turning for a moment after the view changed.
        await page.WaitForTimeoutAsync(1000);
        await page.Keyboard.DownAsync("Control");
        await page.Mouse.WheelAsync(0, 120);
        await page.Keyboard.UpAsync("Control");
        await ExpectViewAsync(page, "/?from=2013&to=2013&zoom=months");

        await page.GoBackAsync();
        await ExpectViewAsync(page, "/?from=2013-07&to=2013-07&zoom=days");
        await page.GoBackAsync();
        await page.GoBackAsync();
        await ExpectViewAsync(page, "/?from=2014&to=2014&zoom=months");
        await Expect(Events(page)).ToHaveCountAsync(9);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_axis_fits_keeps_its_targets_apart_and_a_swipe_pans_and_a_pinch_zooms()
    {
        var page = await browser.NewTouchPageAsync(375, 800);
        await page.GotoAsync("/");
        await CleanPage.ScreenshotAsync(page, "axis-timeline-375");
        // The axis fits the width, and marks of one row keep their 24 px targets apart.
        var axis = page.Locator(".time-axis");
        Assert.True(await axis.EvaluateAsync<bool>("a => a.scrollWidth <= a.clientWidth"));
        var marks = await page.EvaluateAsync<double[][]>(
            "[...document.querySelectorAll('.axis-marks > a')].map(a => { const b = a.getBoundingClientRect(); return [b.top, b.left, b.width]; })");
        foreach (var row in marks.GroupBy(m => m[0]))
        {
            var ordered = row.OrderBy(m => m[1]).ToList();
            Assert.All(ordered, m => Assert.True(m[2] >= 24, $"a target {m[2]} px wide"));
            Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.True(pair.Second[1] >= pair.First[1] + 23.5, $"{pair.First[1]} and {pair.Second[1]}"));
        }

        await page.GotoAsync("/?from=2014&to=2014&zoom=months");
        await axis.ScrollIntoViewIfNeededAsync();
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var box = (await axis.BoundingBoxAsync())!;
        var y = box.Y + box.Height - 16;
        async Task TouchAsync(string type, params (double X, double Y)[] points) =>
            await cdp.SendAsync("Input.dispatchTouchEvent", new Dictionary<string, object>
            {
                ["type"] = type,
                ["touchPoints"] = points.Select((p, i) => new Dictionary<string, object> { ["x"] = p.X, ["y"] = p.Y, ["id"] = i }).ToArray(),
            });

        // A swipe to the right: the year before.
        await TouchAsync("touchStart", (box.X + 60, y));
        for (var x = 80; x <= 300; x += 20)
            await TouchAsync("touchMove", (box.X + x, y));
        await TouchAsync("touchEnd");
        await ExpectViewAsync(page, "/?from=2013&to=2013&zoom=months");
        await Expect(Events(page)).ToHaveCountAsync(1);

        // Two fingers spreading over July: July by day.
        var july = (await page.Locator(".axis-periods > a[aria-label^='July 2013']").BoundingBoxAsync())!;
        var (middle, py) = (july.X + july.Width / 2, july.Y + july.Height / 2);
        await TouchAsync("touchStart", (middle - 10, py), (middle + 10, py));
        for (var spread = 20; spread <= 80; spread += 10)
            await TouchAsync("touchMove", (middle - spread, py), (middle + spread, py));
        await TouchAsync("touchEnd");
        await ExpectViewAsync(page, "/?from=2013-07&to=2013-07&zoom=days");
        await CleanPage.ScreenshotAsync(page, "axis-month-375");
        await page.GoBackAsync();
        await ExpectViewAsync(page, "/?from=2013&to=2013&zoom=months");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task A_crowded_day_counts_what_it_cannot_draw_and_the_count_leads_to_them(int width)
    {
        var page = await browser.NewPageAsync(width, 900);
        await page.GotoAsync("/?from=2014-04&to=2014-04&zoom=days");
        await CleanPage.ScreenshotAsync(page, $"axis-april-2014-{width}");
        var crowd = page.Locator(".axis-crowds > a");
        await Expect(crowd).ToHaveTextAsync("+2");
        await crowd.ClickAsync();
        await ExpectViewAsync(page, "/?from=2014-04-07&to=2014-04-09&zoom=days");
        await Expect(Events(page)).ToHaveCountAsync(5);
        await CleanPage.ScreenshotAsync(page, $"axis-crowded-day-{width}");
        // A mark opens its event.
        await page.Locator(".axis-marks > a").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/events/2014-04-0[789]-"));
        await Expect(page.Locator(".event-axis .axis-marks > a.current")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Printed_the_timeline_keeps_its_axis_and_list_and_leaves_the_controls_out()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/?from=2014&to=2014&zoom=months");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".time-axis")).ToBeVisibleAsync();
        await Expect(page.Locator(".axis-marks > a").First).ToBeVisibleAsync();
        await Expect(Events(page)).ToHaveCountAsync(9);
        await Expect(page.Locator("form[data-filters]")).ToBeHiddenAsync();
        await Expect(page.Locator("a[data-pan=earlier]")).ToBeHiddenAsync();
        await Expect(page.Locator(".embed-offer")).ToBeHiddenAsync();
        Assert.True((await page.PdfAsync()).Length > 10_000); // Chromium lays it out as a printed document
        await page.Context.CloseAsync();
    }
}
