using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Domain;
using Timeline.Web.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Timeline.Tests.Support;

/// <summary>Curator accounts for tests, made through the app's own account service, and signing in as a person would.</summary>
public static class Curators
{
    public const string Password = "a long enough test password";

    public static async Task EnsureAsync(IServiceProvider services, string name, string role = CuratorRoles.Editor)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<CuratorAccounts>();
        if (accounts.List().Any(a => a.UserName == name))
            return;
        var problems = await accounts.CreateAsync(name, role, Password);
        Assert.Empty(problems);
    }
}

/// <summary>Signing in through the real login form over HTTP (antiforgery token and all), as a browser would.</summary>
public static class CuratorHttp
{
    /// <summary>The hidden fields of the page's form named <paramref name="formName"/> (Blazor's _handler and the antiforgery token).</summary>
    public static async Task<Dictionary<string, string>> HiddenFieldsAsync(HttpClient client, string url, string formName)
    {
        var (_, page) = await Html.GetAsync(client, url);
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value={formName}]") is not null)
            ?? throw new InvalidOperationException($"No form \"{formName}\" on {url}.");
        return form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string name, string password, string? returnUrl = "/curate")
    {
        var url = "/account/login" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var fields = await HiddenFieldsAsync(client, url, "login");
        fields["Input.UserName"] = name;
        fields["Input.Password"] = password;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static async Task<HttpClient> SignedInClientAsync(TimelineWebFactory factory, string name, string role = CuratorRoles.Editor)
    {
        await Curators.EnsureAsync(factory.Services, name, role);
        var client = factory.CreateBrowserlessClient();
        var response = await PostLoginAsync(client, name, Curators.Password);
        Assert.Equal(System.Net.HttpStatusCode.Found, response.StatusCode);
        return client;
    }
}
