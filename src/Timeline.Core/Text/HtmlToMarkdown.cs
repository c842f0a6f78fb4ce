using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Timeline.Core.Text;

/// <summary>Markdown made from imported HTML, and what of the HTML could not be kept.</summary>
public sealed record ConvertedHtml(string Markdown, IReadOnlyList<string> Dropped);

/// <summary>
/// Imported HTML (TimelineJS slide text) as the Markdown the site keeps: paragraphs, line breaks, links (http, https,
/// mailto), emphasis, lists and quotes survive; scripts, styles, frames, images, event handlers and every other tag
/// are dropped (their text kept where it is text). The feed has no HTML-to-Markdown library, so this walks
/// AngleSharp's parse tree itself; the result is rendered by <see cref="SafeMarkdown"/> like anything a curator writes.
/// </summary>
public static partial class HtmlToMarkdown
{
    private static readonly HashSet<string> Removed = ["SCRIPT", "STYLE", "IFRAME", "OBJECT", "EMBED", "TEMPLATE", "NOSCRIPT", "SVG", "MATH", "FORM", "INPUT", "BUTTON", "SELECT", "TEXTAREA", "VIDEO", "AUDIO", "CANVAS", "IMG", "PICTURE"];
    private static readonly HashSet<string> Kept = ["P", "DIV", "BR", "A", "STRONG", "B", "EM", "I", "UL", "OL", "LI", "BLOCKQUOTE", "H1", "H2", "H3", "H4", "H5", "H6", "SPAN", "BODY", "HTML", "HEAD"];

    public static ConvertedHtml Convert(string? html)
    {
        var dropped = new SortedSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(html))
            return new ConvertedHtml("", []);
        var document = new HtmlParser().ParseDocument(html);
        var body = document.Body!;
        foreach (var element in body.QuerySelectorAll("*"))
        {
            if (element.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)))
                dropped.Add("event handler attributes (onclick, onerror…)");
        }
        var markdown = new StringBuilder();
        Blocks(body, markdown, dropped, listDepth: 0);
        var text = ExtraBlankLines().Replace(markdown.ToString().Replace("\r", ""), "\n\n").Trim();
        return new ConvertedHtml(text, [.. dropped]);
    }

    /// <summary>The text of an HTML fragment (a headline), tags dropped, white space collapsed.</summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
            return "";
        var body = new HtmlParser().ParseDocument(html).Body!;
        foreach (var hidden in body.QuerySelectorAll("script, style, template, noscript").ToList())
            hidden.Remove(); // their content is code, not text
        return Spaces().Replace(body.TextContent, " ").Trim();
    }

    private static void Blocks(INode parent, StringBuilder output, ISet<string> dropped, int listDepth)
    {
        var inline = new StringBuilder();
        void FlushParagraph()
        {
            // A line break at the very end would be left as a visible backslash.
            var text = TrailingBreaks().Replace(inline.ToString(), "").Trim();
            if (text.Length > 0)
                output.Append(EscapeLineStarts(text)).Append("\n\n");
            inline.Clear();
        }
        foreach (var node in parent.ChildNodes)
        {
            if (node is IElement element && IsBlock(element.TagName))
            {
                FlushParagraph();
                Block(element, output, dropped, listDepth);
            }
            else
            {
                Inline(node, inline, dropped);
            }
        }
        FlushParagraph();
    }

    private static bool IsBlock(string tag) => tag is "P" or "DIV" or "UL" or "OL" or "BLOCKQUOTE" or "H1" or "H2" or "H3" or "H4" or "H5" or "H6";

    private static void Block(IElement element, StringBuilder output, ISet<string> dropped, int listDepth)
    {
        switch (element.TagName)
        {
            case "UL" or "OL":
                var number = 1;
                foreach (var item in element.Children)
                {
                    // Anything but an item inside a list (invalid, but browsers show it) is taken as an item.
                    var content = new StringBuilder();
                    Blocks(item, content, dropped, listDepth + 1);
                    var marker = element.TagName == "OL" ? $"{number++}. " : "- ";
                    var lines = content.ToString().Trim().Split('\n');
                    var indent = new string(' ', marker.Length);
                    output.Append(marker).Append(lines[0]).Append('\n');
                    foreach (var line in lines.Skip(1))
                        output.Append(line.Length == 0 ? "" : indent + line).Append('\n');
                }
                output.Append('\n');
                break;
            case "BLOCKQUOTE":
                var quoted = new StringBuilder();
                Blocks(element, quoted, dropped, listDepth);
                foreach (var line in quoted.ToString().Trim().Split('\n'))
                    output.Append(line.Length == 0 ? ">" : "> " + line).Append('\n');
                output.Append('\n');
                break;
            case var heading when heading.StartsWith('H'):
                var text = new StringBuilder();
                foreach (var child in element.ChildNodes)
                    Inline(child, text, dropped);
                if (text.ToString().Trim() is { Length: > 0 } title)
                    output.Append("**").Append(title).Append("**\n\n");
                break;
            default: // P, DIV
                Blocks(element, output, dropped, listDepth);
                break;
        }
    }

    private static void Inline(INode node, StringBuilder output, ISet<string> dropped)
    {
        switch (node)
        {
            case IText text:
                output.Append(EscapeText(Spaces().Replace(text.Data, " ")));
                return;
            case not IElement:
                return; // comments
        }
        var element = (IElement)node;
        if (Removed.Contains(element.TagName))
        {
            Note(element, dropped);
            return;
        }
        var content = new StringBuilder();
        foreach (var child in element.ChildNodes)
        {
            if (child is IElement block && IsBlock(block.TagName))
            {
                // A block inside an inline element: keep its text on the line.
                var inner = new StringBuilder();
                Blocks(block, inner, dropped, 0);
                content.Append(' ').Append(inner.ToString().Trim().Replace("\n\n", " ")).Append(' ');
            }
            else
            {
                Inline(child, content, dropped);
            }
        }
        var inside = content.ToString();
        switch (element.TagName)
        {
            case "BR":
                output.Append("\\\n");
                break;
            case "STRONG" or "B" when inside.Trim().Length > 0:
                output.Append(Wrap(inside, "**"));
                break;
            case "EM" or "I" when inside.Trim().Length > 0:
                output.Append(Wrap(inside, "*"));
                break;
            case "A":
                var href = element.GetAttribute("href")?.Trim();
                if (href is not null && Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" && inside.Trim().Length > 0)
                    output.Append('[').Append(inside.Trim()).Append("](<").Append(uri.AbsoluteUri.Replace(">", "%3E")).Append(">)");
                else
                {
                    if (href is not null && href.Length > 0)
                        dropped.Add("links that are not http, https or mailto (their text is kept)");
                    output.Append(inside);
                }
                break;
            default:
                if (!Kept.Contains(element.TagName))
                    Note(element, dropped);
                output.Append(inside);
                break;
        }
    }

    /// <summary>Emphasis markers around the words, the spaces outside them (CommonMark needs "**word**", not "** word **").</summary>
    private static string Wrap(string inside, string marker)
    {
        var leading = inside.Length - inside.TrimStart().Length;
        var trailing = inside.Length - inside.TrimEnd().Length;
        return inside[..leading] + marker + inside.Trim() + marker + inside[(inside.Length - trailing)..];
    }

    private static void Note(IElement element, ISet<string> dropped) => dropped.Add(element.TagName switch
    {
        "SCRIPT" => "scripts",
        "STYLE" => "style sheets",
        "IMG" or "PICTURE" => "images inside the text (the slide's media is kept as a link)",
        "IFRAME" or "OBJECT" or "EMBED" or "VIDEO" or "AUDIO" or "CANVAS" or "SVG" => "embedded content (frames, video, objects)",
        "FORM" or "INPUT" or "BUTTON" or "SELECT" or "TEXTAREA" => "form controls",
        var other => $"<{other.ToLowerInvariant()}> tags (their text is kept)",
    });

    /// <summary>Characters Markdown would read as syntax, escaped so the text stays text.</summary>
    public static string EscapeText(string text) => MarkdownSyntax().Replace(text, @"\$0");

    [GeneratedRegex(@"[\\`*_\[\]<>#|~&]")]
    private static partial Regex MarkdownSyntax();

    /// <summary>What would start a list or a rule at the start of a paragraph's line: "1914. ", "3) ", "- ", "+ ".</summary>
    private static string EscapeLineStarts(string text) => LineStart().Replace(text, match =>
        match.Groups["number"].Success ? match.Groups["number"].Value + "\\" + match.Groups["mark"].Value : "\\" + match.Value);

    [GeneratedRegex(@"^(?:(?<number>\d+)(?<mark>[.)])(?=\s|$)|[-+](?=\s|$))", RegexOptions.Multiline)]
    private static partial Regex LineStart();

    [GeneratedRegex(@"(?:\\\n\s*)+$")]
    private static partial Regex TrailingBreaks();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ExtraBlankLines();
}
