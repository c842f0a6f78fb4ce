using System.Globalization;
using System.Text;

namespace Timeline.Core.Text;

/// <summary>
/// Unicode helpers that accept any string. .NET's <see cref="string.Normalize(NormalizationForm)"/> throws on
/// noncharacters (U+FFFE, U+FFFF, U+FDD0…) and lone surrogates, which a user can type or paste anywhere:
/// a title, a user name, an imported article.
/// </summary>
public static class UnicodeText
{
    /// <summary>The text in <paramref name="form"/>, with code points that cannot be normalized replaced by U+FFFD first.</summary>
    public static string Normalize(string? text, NormalizationForm form)
    {
        var valid = ReplaceInvalid(text ?? "");
        try
        {
            return valid.Normalize(form);
        }
        catch (ArgumentException)
        {
            // Not expected once the invalid code points are gone; unnormalized text is still better than an error.
            return valid;
        }
    }

    /// <summary>Lone surrogates and noncharacters become U+FFFD (the replacement character); the rest is kept as it is.</summary>
    public static string ReplaceInvalid(string text)
    {
        if (!HasInvalid(text))
            return text;
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                if (IsNoncharacter(codePoint))
                    result.Append('\uFFFD');
                else
                    result.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c) || IsNoncharacter(c))
            {
                result.Append('\uFFFD');
            }
            else
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }

    /// <summary>The value of a decimal digit of any script ('٢', '２', '२'), or -1. ASCII digits are 0–9 as usual.</summary>
    public static int DigitValue(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber ? CharUnicodeInfo.GetDecimalDigitValue(c) : -1;

    private static bool HasInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsNoncharacter(char.ConvertToUtf32(c, text[++i])))
                    return true;
            }
            else if (char.IsSurrogate(c) || IsNoncharacter(c))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}
