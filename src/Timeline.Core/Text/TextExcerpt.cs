using System.Security.Cryptography;
using System.Text;

namespace Timeline.Core.Text;

public static class TextExcerpt
{
    /// <summary>At most <paramref name="maxLength"/> characters, cut at a word boundary with an ellipsis.</summary>
    public static string Shorten(string? text, int maxLength = 220)
    {
        var flat = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= maxLength)
            return flat;
        var cut = flat[..maxLength];
        var lastSpace = cut.LastIndexOf(' ');
        return (lastSpace > maxLength / 2 ? cut[..lastSpace] : cut).TrimEnd(',', ';', ':', '.', ' ') + "…";
    }

    /// <summary>Lower-case hex SHA-256 of the text as UTF-8.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
