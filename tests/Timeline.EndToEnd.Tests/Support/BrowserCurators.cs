using Microsoft.Playwright;
using Timeline.Core.Domain;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Tests.Support;

/// <summary>Signing in in the browser, as a person would, with the accounts <see cref="Curators"/> makes.</summary>
public static class BrowserCurators
{
    /// <summary>A new browser context signed in through the login form, on the dashboard.</summary>
    public static async Task<IPage> SignInAsync(BrowserFixture browser, string name, string role = CuratorRoles.Editor, int width = 1280)
    {
        await Curators.EnsureAsync(browser.Services, name, role);
        var page = await browser.NewPageAsync(width, 900);
        await FillSignInFormAsync(page, name, Curators.Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Opens the sign-in page and submits the name and password, as a person would.</summary>
    public static async Task FillSignInFormAsync(IPage page, string name, string password)
    {
        await page.GotoAsync("/account/login?ReturnUrl=%2Fcurate");
        await page.GetByLabel("User name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
