using System.ServiceModel.Syndication;
using Timeline.Core.Addresses;
using Timeline.Core.Reading;

namespace Timeline.Core.Publishing;

/// <summary>The Atom feed of /changes: the latest public corrections and updates, newest first, each linking to its event.</summary>
public static class ChangesFeed
{
    public const string Path = "/feeds/changes.atom";

    public static byte[] Write(IReadOnlyList<ChangeItem> changes, SiteLinks links, DateTimeOffset fallbackUpdated)
    {
        const string title = "Timeline: corrections and updates";
        var feed = new SyndicationFeed
        {
            Id = links.Absolute(Path).AbsoluteUri,
            Title = new TextSyndicationContent(title),
            Description = new TextSyndicationContent("Corrections and updates made public on the timeline's events, newest first."),
            LastUpdatedTime = changes.Count > 0 ? changes.Max(c => c.Note.At) : fallbackUpdated,
            Generator = "Timeline",
        };
        feed.Links.Add(new SyndicationLink(links.Absolute(Path), "self", title, AtomFeed.ContentType.Split(';')[0], 0));
        feed.Links.Add(SyndicationLink.CreateAlternateLink(links.Absolute(ReaderPaths.Changes), "text/html"));
        feed.Authors.Add(new SyndicationPerson { Name = "Timeline curators" });
        feed.Items = changes.Select(change =>
        {
            var item = new SyndicationItem
            {
                Id = $"{links.Absolute(ReaderPaths.Changes).AbsoluteUri}#note-{change.Id}",
                Title = new TextSyndicationContent(AtomFeed.XmlText($"{change.Note.Kind}: {change.EventTitle}")),
                Summary = new TextSyndicationContent(AtomFeed.XmlText(change.Note.Text)),
                PublishDate = change.Note.At,
                LastUpdatedTime = change.Note.At,
            };
            item.Links.Add(SyndicationLink.CreateAlternateLink(links.Event(change.EventSlug), "text/html"));
            item.Categories.Add(new SyndicationCategory(change.Note.Kind.ToString().ToLowerInvariant()));
            return item;
        }).ToList();

        return AtomFeed.ToBytes(feed);
    }
}
