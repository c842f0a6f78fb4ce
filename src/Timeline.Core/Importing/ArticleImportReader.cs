using Timeline.Core.Curation;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Timeline.Core.Dates;
using Timeline.Core.Text;

namespace Timeline.Core.Importing;

/// <summary>A file or pasted text read into a prefilled article form, or why it cannot be.</summary>
public sealed record ImportRead(ArticleForm? Form, string? Error);

/// <summary>
/// Reads pasted text or an uploaded .txt, .md or .html file into an article form: the text cleaned by
/// <see cref="ArticleCleaner"/>, and whatever metadata the source gives (title, outlet, author, address,
/// publication date, language) filled in for the editor to check.
/// </summary>
public static partial class ArticleImportReader
{
    public const int MaxFileBytes = 2 * 1024 * 1024;
    public static readonly IReadOnlyList<string> Extensions = [".txt", ".md", ".markdown", ".html", ".htm"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ImportRead ReadFile(string fileName, byte[] content)
    {
        var name = Path.GetFileName(fileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!Extensions.Contains(extension))
            return new(null, $"{name}: only .txt, .md and .html files can be imported.");
        if (content.Length > MaxFileBytes)
            return new(null, $"{name} is {content.Length / 1024.0 / 1024.0:0.0} MB; files of at most {MaxFileBytes / 1024 / 1024} MB can be imported.");
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return new(null, $"{name} is not UTF-8 text (it looks like a binary file).");
        }
        if (text.Contains('\0'))
            return new(null, $"{name} is not text (it contains NUL bytes, as binary files do).");
        return Read(text, extension is ".html" or ".htm" ? SourceKind.Html : extension is ".md" or ".markdown" ? SourceKind.Markdown : SourceKind.Text,
            "upload:" + name);
    }

    public static ImportRead ReadPasted(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return new(null, "Paste the article's text first.");
        return Read(text, LooksLikeHtml().IsMatch(text) ? SourceKind.Html : SourceKind.Text, "paste");
    }

    private enum SourceKind { Text, Markdown, Html }

    private static ImportRead Read(string text, SourceKind kind, string origin)
    {
        var meta = new Metadata();
        var plain = kind switch
        {
            SourceKind.Html => FromHtml(text, meta),
            SourceKind.Markdown => FromMarkdown(text, meta),
            _ => FromText(text, meta),
        };
        return Build(plain, meta, origin);
    }

    /// <summary>
    /// A page fetched from its address (<see cref="ArticleFetcher"/>): the main text and its metadata as SmartReader
    /// (a port of Mozilla's Readability) finds them, the page's own meta tags where it finds none, the address kept.
    /// </summary>
    public static ImportRead ReadFetched(string page, Uri address, bool isHtml)
    {
        var origin = "link:" + address.AbsoluteUri;
        if (!isHtml)
        {
            var textMeta = new Metadata();
            var text = FromText(page, textMeta);
            textMeta.Url ??= address.AbsoluteUri;
            return Build(text, textMeta, origin);
        }
        var meta = new Metadata();
        var document = new HtmlParser().ParseDocument(page);
        ReadMetadata(document, meta);
        var article = new SmartReader.Reader(address.AbsoluteUri, page).GetArticle();
        // SmartReader's main text where it finds one; the page's own article (or main, or body) where it does not.
        var plain = article.IsReadable && !string.IsNullOrWhiteSpace(article.Content)
            ? MainText(new HtmlParser().ParseDocument(article.Content))
            : MainText(document);
        meta.Title = Blank(article.Title) ?? meta.Title;
        meta.Author = Blank(article.Author) ?? Blank(article.Byline) ?? meta.Author;
        meta.Outlet = Blank(article.SiteName) ?? meta.Outlet;
        meta.Language = Blank(article.Language) ?? meta.Language;
        if (article.PublicationDate is { } at && meta.Published is null)
            meta.Published = PartialDate.Day(at.Year, at.Month, at.Day);
        meta.Url ??= address.AbsoluteUri;
        return Build(plain, meta, origin);
    }

    private static ImportRead Build(string plain, Metadata meta, string origin)
    {
        var cleaned = ArticleCleaner.Clean(plain, meta.Title);
        var published = meta.Published ?? cleaned.DetectedDate ?? FindDateInText(cleaned.Body);
        var form = new ArticleForm
        {
            Origin = origin,
            Title = meta.Title ?? "",
            Outlet = meta.Outlet ?? OutletFromUrl(meta.Url) ?? "",
            Author = meta.Author ?? cleaned.DetectedAuthor ?? "",
            Url = meta.Url ?? "",
            Published = published is { } date ? PartialDateInput.From(date) : new PartialDateInput(),
            Language = meta.Language ?? GuessLanguage(cleaned.Body),
            Body = cleaned.Body,
            Removed = cleaned.Removed,
        };
        return new(form, null);
    }

    private sealed class Metadata
    {
        public string? Title, Outlet, Author, Url, Language;
        public PartialDate? Published;
    }

    // HTML: the page's own metadata, then the text of the article element (or main, or body) without
    // scripts, styles, navigation, headers, footers, forms and asides.
    private static string FromHtml(string html, Metadata meta)
    {
        var document = new HtmlParser().ParseDocument(html);
        ReadMetadata(document, meta);
        return MainText(document);
    }

    private static void ReadMetadata(IDocument document, Metadata meta)
    {
        string? Meta(string key) => Blank(document.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content"));
        meta.Title = Meta("og:title") ?? Blank(document.QuerySelector("h1")?.TextContent) ?? Blank(document.Title);
        meta.Outlet = Meta("og:site_name") ?? Meta("application-name");
        meta.Author = Meta("author") ?? Meta("article:author");
        var url = Blank(document.QuerySelector("link[rel='canonical']")?.GetAttribute("href")) ?? Meta("og:url");
        meta.Url = WebAddress.Http(url) is not null ? url : null;
        meta.Language = Blank(document.DocumentElement.GetAttribute("lang"));
        var date = Meta("article:published_time") ?? Meta("date") ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        if (date is not null && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            meta.Published = PartialDate.Day(at.Year, at.Month, at.Day);
    }

    private static string MainText(IDocument document)
    {
        foreach (var junk in document.QuerySelectorAll("script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, figure, [role=navigation], [aria-hidden=true]").ToList())
            junk.Remove();
        var root = (IElement?)document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body;
        var text = new StringBuilder();
        if (root is not null)
            AppendText(root, text);
        return text.ToString();
    }

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
        "pre", "table", "tr", "td", "th", "dl", "dt", "dd", "figcaption", "address", "hr",
    };

    private static void AppendText(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                text.Append(t.Data.Replace('\n', ' '));
            }
            else if (child is IElement element)
            {
                var block = BlockTags.Contains(element.LocalName);
                if (block || element.LocalName == "br")
                    text.Append('\n');
                AppendText(element, text);
                if (block)
                    text.Append('\n');
            }
        }
    }

    // Markdown: optional front matter ("title: …" lines between "---"), the first "# " heading as title,
    // then the text without Markdown syntax.
    private static string FromMarkdown(string markdown, Metadata meta)
    {
        var text = markdown.Replace("\r\n", "\n");
        var front = FrontMatter().Match(text);
        if (front.Success)
        {
            foreach (Match field in FrontMatterField().Matches(front.Groups["fields"].Value))
            {
                var value = Blank(field.Groups["value"].Value.Trim().Trim('"', '\''));
                switch (field.Groups["key"].Value.ToLowerInvariant())
                {
                    case "title": meta.Title = value; break;
                    case "outlet" or "source" or "publisher": meta.Outlet = value; break;
                    case "author": meta.Author = value; break;
                    case "url" or "link": meta.Url = value; break;
                    case "language" or "lang": meta.Language = value; break;
                    case "date" or "published":
                        if (PartialDate.TryParse(value?[..Math.Min(value.Length, 10)], false, out var date, out _))
                            meta.Published = date;
                        break;
                }
            }
            text = text[front.Length..];
        }
        if (meta.Title is null && Heading().Match(text) is { Success: true } heading)
        {
            meta.Title = heading.Groups["title"].Value.Trim();
            text = text.Remove(heading.Index, heading.Length);
        }
        return SafeMarkdown.ToPlainText(text);
    }

    // Plain text: a short first line without a full stop is the headline; a line that is only a web address is the source.
    private static string FromText(string text, Metadata meta)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var first = lines.FirstOrDefault(l => l.Trim().Length > 0)?.Trim();
        if (first is not null && first.Length <= 200 && !first.EndsWith('.') && !first.StartsWith("date ", StringComparison.OrdinalIgnoreCase)
            && first.Split(' ').Length is >= 3 and <= 30)
            meta.Title = first;
        var urlLine = lines.Select(l => l.Trim()).FirstOrDefault(l => BareUrl().IsMatch(l));
        if (urlLine is not null)
        {
            meta.Url = BareUrl().Match(urlLine).Groups["url"].Value;
            text = string.Join('\n', lines.Where(l => l.Trim() != urlLine));
        }
        return text;
    }

    /// <summary>The first date written out in the opening of the text: "April 9, 2014", "9 April 2014", "2014-04-09".</summary>
    public static PartialDate? FindDateInText(string text)
    {
        var opening = text.Length > 1000 ? text[..1000] : text;
        var match = WrittenDate().Match(opening);
        if (!match.Success)
            return null;
        var iso = match.Groups["iso"].Value;
        if (iso.Length > 0)
            return PartialDate.TryParse(iso, false, out var isoDate, out _) ? isoDate : null;
        var written = $"{match.Groups["d1"].Value}{match.Groups["d2"].Value} {match.Groups["m1"].Value}{match.Groups["m2"].Value} {match.Groups["y"].Value}";
        return DateTime.TryParseExact(written, ["d MMMM yyyy", "d MMM yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? PartialDate.Day(day.Year, day.Month, day.Day)
            : null;
    }

    /// <summary>"www.jpost.com" from the address, as a first guess at the outlet.</summary>
    private static string? OutletFromUrl(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : null;

    /// <summary>Hebrew or Arabic script in most letters says the language; otherwise English is assumed.</summary>
    public static string GuessLanguage(string text)
    {
        int letters = 0, hebrew = 0, arabic = 0;
        foreach (var c in text.Length > 5000 ? text[..5000] : text)
        {
            if (!char.IsLetter(c))
                continue;
            letters++;
            if (c is >= '\u0590' and <= '\u05FF')
                hebrew++;
            else if (c is >= '\u0600' and <= '\u06FF')
                arabic++;
        }
        return letters == 0 ? "en" : hebrew * 2 > letters ? "he" : arabic * 2 > letters ? "ar" : "en";
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"<(html|body|p|div|article|h1|!doctype)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LooksLikeHtml();

    [GeneratedRegex(@"^---\n(?<fields>.*?)\n---\n", RegexOptions.Singleline)]
    private static partial Regex FrontMatter();

    [GeneratedRegex(@"^(?<key>[A-Za-z_]+)\s*:\s*(?<value>.*)$", RegexOptions.Multiline)]
    private static partial Regex FrontMatterField();

    [GeneratedRegex(@"^\s*#\s+(?<title>[^\n]+)\n?", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(source:\s*)?(?<url>https?://\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex BareUrl();

    [GeneratedRegex(@"(?<iso>\b\d{4}-\d{2}-\d{2}\b)|\b(?<m1>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?<d1>\d{1,2}),?\s+(?<y>\d{4})\b|\b(?<d2>\d{1,2})\s+(?<m2>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?<y>\d{4})\b")]
    private static partial Regex WrittenDate();
}
