using AngleSharp;
using AngleSharp.Dom;

namespace Timeline.Tests.Support;

public static class Html
{
    public static async Task<IDocument> ParseAsync(string html)
    {
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html));
    }

    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var document = await ParseAsync(await response.Content.ReadAsStringAsync());
        return (response, document);
    }

    /// <summary>A JSON answer (the API), its status checked.</summary>
    public static async Task<System.Text.Json.JsonElement> GetJsonAsync(HttpClient client, string url, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        Xunit.Assert.Equal(expected, response.StatusCode);
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    public static string? Meta(this IDocument document, string key) =>
        document.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");

    public static string Text(this IElement? element) => string.Join(' ', (element?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
