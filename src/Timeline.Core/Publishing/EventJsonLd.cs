using Timeline.Core.Addresses;
using System.Text.Json;
using System.Text.Json.Nodes;
using Timeline.Core.Domain;
using Timeline.Core.Reading;
using Timeline.Core.Text;

namespace Timeline.Core.Publishing;

/// <summary>
/// An event page's schema.org description for search engines (JSON-LD): an Event with its dates (ISO text only as
/// precise as known, which schema.org's ISO 8601 allows), its places, and the news articles it cites.
/// </summary>
public static class EventJsonLd
{
    /// <summary>The JSON, with &lt;, &gt; and &amp; escaped, so that it can sit inside a script element as it is.</summary>
    public static string Write(EventView ev, SiteLinks links)
    {
        var places = ev.Tags.Where(t => t.Kind == TagKind.Place).Select(t => (JsonNode)new JsonObject { ["@type"] = "Place", ["name"] = t.Name }).ToArray();
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["name"] = ev.Title,
            ["description"] = TextExcerpt.Shorten(SafeMarkdown.ToPlainText(ev.Summary), 500),
            ["startDate"] = ev.Start.ToIsoString(),
            ["url"] = links.Event(ev.Slug).AbsoluteUri,
            ["dateModified"] = ev.UpdatedAt.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (ev.End is { } end)
            json["endDate"] = end.ToIsoString();
        if (places.Length > 0)
            json["location"] = places.Length == 1 ? places[0] : new JsonArray(places);
        if (ev.Storyline is { } storyline)
            json["superEvent"] = new JsonObject { ["@type"] = "Event", ["name"] = storyline.Title, ["url"] = links.Storyline(storyline.Slug).AbsoluteUri };
        if (ev.Sources.Count > 0)
        {
            json["citation"] = new JsonArray([.. ev.Sources.DistinctBy(s => s.ArticleId).Select(s =>
            {
                var article = new JsonObject
                {
                    ["@type"] = "NewsArticle",
                    ["headline"] = s.ArticleTitle,
                    ["datePublished"] = s.Published.ToIsoString(),
                    ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = s.Outlet },
                    ["url"] = (WebAddress.Http(s.Url) ?? links.Article(s.ArticleId)).AbsoluteUri,
                };
                if (!string.IsNullOrWhiteSpace(s.Author))
                    article["author"] = new JsonObject { ["@type"] = "Person", ["name"] = s.Author };
                return (JsonNode)article;
            })]);
        }
        // Where schema.org has a place for them: the page's corrections (a CreativeWork's "correction") and each source's
        // words on a difference (a Claim that appears in its article), both "about" the event through subjectOf.
        var about = new List<JsonNode>();
        if (ev.Notes.Count > 0)
        {
            about.Add(new JsonObject
            {
                ["@type"] = "WebPage",
                ["url"] = links.Event(ev.Slug).AbsoluteUri,
                ["correction"] = new JsonArray([.. ev.Notes.Select(n => (JsonNode)new JsonObject
                {
                    ["@type"] = "CorrectionComment",
                    ["name"] = n.Kind.ToString(),
                    ["text"] = n.Text,
                    ["datePublished"] = n.At.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture),
                })]),
            });
        }
        about.AddRange(ev.Differences.SelectMany((d, i) => d.Claims.Select(c => (JsonNode)new JsonObject
        {
            ["@type"] = "Claim",
            ["name"] = d.Aspect,
            ["text"] = c.Quote,
            ["appearance"] = new JsonObject
            {
                ["@type"] = "NewsArticle",
                ["headline"] = c.Source.ArticleTitle,
                ["url"] = links.Absolute(ReaderPaths.Quote(c.Source.ArticleId, ev.Id, i)).AbsoluteUri,
                ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = c.Source.Outlet },
            },
        })));
        if (about.Count > 0)
            json["subjectOf"] = new JsonArray([.. about]);
        // The default encoder escapes <, > and & as \u003C…: "</script>" in a title cannot end the element.
        return json.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default });
    }
}
