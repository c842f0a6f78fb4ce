using System.Text;
using System.Text.Encodings.Web;

namespace Timeline.Core.Search;

/// <summary>
/// Text from the search index with matches between two control characters (which the importer never
/// keeps in text). Rendering encodes every piece as HTML first and only then adds the mark tags, so a
/// match can never smuggle markup into the page.
/// </summary>
public static class Highlighted
{
    public const char Open = '\u0001';
    public const char Close = '\u0002';

    public static string ToHtml(string? text)
    {
        var html = new StringBuilder();
        var open = false;
        var piece = new StringBuilder();
        void Flush()
        {
            html.Append(HtmlEncoder.Default.Encode(piece.ToString()));
            piece.Clear();
        }
        foreach (var c in text ?? "")
        {
            if (c == Open && !open)
            {
                Flush();
                html.Append("<mark>");
                open = true;
            }
            else if (c == Close && open)
            {
                Flush();
                html.Append("</mark>");
                open = false;
            }
            else if (c is not (Open or Close))
            {
                piece.Append(c);
            }
        }
        Flush();
        if (open)
            html.Append("</mark>");
        return html.ToString();
    }

    /// <summary>The text without its markers (the public API's hits are plain text).</summary>
    public static string ToPlainText(string? text) => (text ?? "").Replace(Open.ToString(), "").Replace(Close.ToString(), "");
}
