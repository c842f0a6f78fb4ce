using Timeline.Core.Addresses;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Timeline.Core.Reading;
using Timeline.Core.Text;

namespace Timeline.Core.Publishing;

/// <summary>The Atom 1.0 feed of recently published and changed events, written by System.ServiceModel.Syndication.</summary>
public static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <param name="events">Newest change first.</param>
    /// <param name="selfPath">The feed's own path and query, e.g. "/feeds/events.atom?era=jenin".</param>
    /// <param name="viewPath">The timeline view it follows, e.g. "/?era=jenin".</param>
    public static byte[] Write(IReadOnlyList<PublishedEvent> events, SiteLinks links, string title, string selfPath, string viewPath, DateTimeOffset fallbackUpdated)
    {
        var feed = new SyndicationFeed
        {
            Id = links.Absolute(selfPath).AbsoluteUri,
            Title = new TextSyndicationContent(XmlText(title)),
            Description = new TextSyndicationContent("Events recently published or changed on the timeline, newest first. Each cites the articles that report it."),
            // An empty feed still needs an <updated>: the last change the site knows of.
            LastUpdatedTime = events.Count > 0 ? events.Max(e => e.Event.UpdatedAt) : fallbackUpdated,
            Generator = "Timeline",
        };
        feed.Links.Add(new SyndicationLink(links.Absolute(selfPath), "self", title, AtomFeed.ContentType.Split(';')[0], 0));
        feed.Links.Add(SyndicationLink.CreateAlternateLink(links.Absolute(viewPath), "text/html"));
        feed.Authors.Add(new SyndicationPerson { Name = "Timeline curators" });
        feed.Items = events.Select(published =>
        {
            var ev = published.Event;
            var url = links.Event(ev.Slug);
            var item = new SyndicationItem
            {
                // The event's id, not its slug: a renamed event is the same entry.
                Id = $"{links.Absolute("/").AbsoluteUri}#event-{ev.Id}",
                Title = new TextSyndicationContent(XmlText(ev.Title)),
                Summary = new TextSyndicationContent(XmlText(SummaryHtml(published)), TextSyndicationContentKind.Html),
                PublishDate = ev.CreatedAt,
                LastUpdatedTime = ev.UpdatedAt,
            };
            item.Links.Add(SyndicationLink.CreateAlternateLink(url, "text/html"));
            if (published.Storyline is { } storyline)
                item.Categories.Add(new SyndicationCategory(XmlText(storyline.Title)));
            foreach (var tag in published.Tags)
                item.Categories.Add(new SyndicationCategory(XmlText(tag.Name)));
            return item;
        }).ToList();

        return ToBytes(feed);
    }

    /// <summary>The feed as Atom 1.0 in UTF-8 (no byte order mark).</summary>
    public static byte[] ToBytes(SyndicationFeed feed)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            feed.GetAtom10Formatter().WriteTo(writer);
        return buffer.ToArray();
    }

    /// <summary>The text without the characters XML cannot hold (control characters pasted from elsewhere, a lone
    /// surrogate): one of them in one title would otherwise make the whole feed fail to write.</summary>
    public static string XmlText(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
                clean.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
                clean.Append(text[i]).Append(text[++i]);
        }
        return clean.Length == text.Length ? text : clean.ToString();
    }

    /// <summary>The date as the site writes it, the summary's Markdown as safe HTML, and the outlets that report it.</summary>
    private static string SummaryHtml(PublishedEvent published)
    {
        var ev = published.Event;
        var html = new StringBuilder();
        html.Append("<p><strong>").Append(System.Net.WebUtility.HtmlEncode(Dates.PartialDate.FormatRange(ev.Start, ev.End))).Append("</strong></p>");
        html.Append(SafeMarkdown.ToHtml(ev.Summary));
        var outlets = published.Sources.Select(s => s.Outlet).Distinct().ToList();
        if (outlets.Count > 0)
            html.Append("<p>Reported by ").Append(System.Net.WebUtility.HtmlEncode(string.Join(", ", outlets))).Append(".</p>");
        return html.ToString();
    }
}
