namespace Timeline.Core.Addresses;

/// <summary>The addresses a feed or export writes: absolute, from the site's public base address.</summary>
public sealed record SiteLinks(Uri BaseUri)
{
    public Uri Absolute(string path) => new(BaseUri, path.TrimStart('/'));

    public Uri Event(string slug) => Absolute(ReaderPaths.Event(slug));

    public Uri Storyline(string slug) => Absolute(ReaderPaths.Storyline(slug));

    public Uri Article(int id) => Absolute(ReaderPaths.Article(id));

    public Uri Image(string fileId) => Absolute(ReaderPaths.Media(fileId));
}
