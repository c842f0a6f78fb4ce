using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Timeline.Core.Text;

/// <summary>
/// Markdown for summaries and descriptions written by curators. Raw HTML is never passed through,
/// and links or images whose URL is not http(s), mailto or relative are reduced to their text, so a
/// summary can carry neither script nor a <c>javascript:</c>/<c>data:</c> link.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static string ToHtml(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        Defang(document);
        return document.ToHtml(Pipeline);
    }

    public static string ToPlainText(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        Defang(document);
        // What Markdown.ToPlainText does, on the already defanged document.
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString().Trim();
    }

    /// <summary>True for relative URLs and the allowed schemes, however the scheme is disguised (case, spaces, control characters).</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return true;
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = compact.IndexOf(':');
        if (colon < 0)
            return true;
        var firstPathChar = compact.IndexOfAny(['/', '?', '#']);
        if (firstPathChar >= 0 && firstPathChar < colon)
            return true; // the colon sits in a path or query of a relative URL
        var scheme = compact[..colon].ToLowerInvariant();
        return AllowedSchemes.Contains(scheme);
    }

    private static void Defang(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsSafeUrl(link.Url))
                Unwrap(link);
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafeUrl(autolink.Url))
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
    }

    private static void Unwrap(LinkInline link)
    {
        var children = link.ToList();
        if (children.Count == 0 && link.IsImage)
        {
            link.Remove();
            return;
        }
        Inline anchor = link;
        foreach (var child in children)
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }
        link.Remove();
    }
}
