using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Tests.Support;

/// <summary>Using MudBlazor's inputs in the browser as a person does (they are not native form controls).</summary>
public static class MudInputs
{
    /// <summary>Opens the MudSelect whose input has <paramref name="inputId"/> and clicks the option named <paramref name="option"/>.</summary>
    public static async Task ChooseAsync(IPage page, string inputId, string option)
    {
        await page.Locator($".mud-select:has(#{inputId})").Last.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true })).ToHaveCountAsync(0); // closed
    }
}
