using System.Globalization;
using System.Text;
using Timeline.Core.Dates;
using Timeline.Core.Domain;

namespace Timeline.Core.Text;

/// <summary>URL slugs: lower case, diacritics folded, letters of any script kept, words joined by hyphens.</summary>
public static class Slugs
{
    public const int MaxWordsLength = 80;

    public static string Slugify(string? text, int maxLength = MaxWordsLength)
    {
        var folded = UnicodeText.Normalize(text, NormalizationForm.FormD);
        var slug = new StringBuilder(folded.Length);
        var pendingHyphen = false;
        foreach (var c in folded)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            // Apostrophes join a word ("Ma’an" → "maan") rather than splitting it.
            if (c is '\'' or '’' or '‘')
                continue;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingHyphen && slug.Length > 0)
                    slug.Append('-');
                slug.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }
        return TrimToWord(UnicodeText.Normalize(slug.ToString(), NormalizationForm.FormC), maxLength);
    }

    /// <summary>"2014-04-09-netanyahu-orders-a-halt-to-contacts": the date as precise as it is known, then the title.</summary>
    public static string ForEvent(PartialDate start, string title)
    {
        var date = start.Precision == DatePrecision.Minute ? start.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : start.ToIsoString();
        var words = Slugify(title);
        return words.Length == 0 ? date : $"{date}-{words}";
    }

    /// <summary>The slug itself when free, else the first of slug-2, slug-3, … that is.</summary>
    public static string MakeUnique(string slug, Func<string, bool> isTaken)
    {
        if (!isTaken(slug))
            return slug;
        for (var n = 2; ; n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            var candidate = TrimToWord(slug, Limits.SlugLength - suffix.Length) + suffix;
            if (!isTaken(candidate))
                return candidate;
        }
    }

    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= Limits.SlugLength && slug == Slugify(slug, Limits.SlugLength);

    private static string TrimToWord(string slug, int maxLength)
    {
        if (slug.Length <= maxLength)
            return slug;
        var cut = slug[..maxLength];
        var lastHyphen = cut.LastIndexOf('-');
        return (lastHyphen > maxLength / 2 ? cut[..lastHyphen] : cut).TrimEnd('-');
    }
}
