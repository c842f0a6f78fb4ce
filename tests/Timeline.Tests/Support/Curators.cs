using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Timeline.Core.Domain;
using Timeline.Web.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Tests.Support;

/// <summary>Curator accounts for tests, made through the app's own account service, and signing in as a person would.</summary>
public static class Curators
{
    public const string Password = "a long enough test password";

    public static async Task EnsureAsync(IServiceProvider services, string name, string role = CuratorRoles.Editor)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<CuratorAccounts>();
        if ((await accounts.ListAsync()).Any(a => a.UserName == name))
            return;
        var problems = await accounts.CreateAsync(name, role, Password);
        Assert.Empty(problems);
    }

    /// <summary>A new browser context signed in through the login form, on the dashboard.</summary>
    public static async Task<IPage> SignInAsync(BrowserFixture browser, string name, string role = CuratorRoles.Editor, int width = 1280)
    {
        await EnsureAsync(browser.Services, name, role);
        var page = await browser.NewPageAsync(width, 900);
        await page.GotoAsync("/account/login?ReturnUrl=%2Fcurate");
        await page.GetByLabel("User name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        return page;
    }
}
