using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Timeline.Core.Dates;

namespace Timeline.Core.ArticleReading;

/// <summary>
/// Dates written out in Arabic and Hebrew sentences, by rules of our own: the feed's one recognizer reads English only.
/// Numeric dates (26/1/2023, 2023-01-26; day first, as both languages write them), a month name with or without its
/// day and year (26 يناير 2023, كانون الثاني 2023, 26 בינואר 2023) and years after a word that makes them one (عام 2023, منذ ٢٠٢٣, בשנת 2023). Digits of any script
/// count. Relative dates ("yesterday", "on Wednesday") are not read in these languages: the article view says so.
/// </summary>
public static partial class WrittenDates
{
    // Month names: Modern Standard Arabic, the Levantine (Syriac) names used in Palestinian and Jordanian papers, Hebrew.
    private static readonly (string Name, int Month)[] MonthNames =
    [
        ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("ابريل", 4), ("إبريل", 4), ("مايو", 5), ("يونيو", 6), ("يونيه", 6),
        ("يوليو", 7), ("يوليه", 7), ("أغسطس", 8), ("اغسطس", 8), ("سبتمبر", 9), ("أكتوبر", 10), ("اكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12),
        ("كانون الثاني", 1), ("شباط", 2), ("آذار", 3), ("اذار", 3), ("نيسان", 4), ("أيار", 5), ("ايار", 5), ("حزيران", 6), ("تموز", 7),
        ("آب", 8), ("أيلول", 9), ("ايلول", 9), ("تشرين الأول", 10), ("تشرين الاول", 10), ("تشرين الثاني", 11), ("كانون الأول", 12), ("كانون الاول", 12),
        ("ינואר", 1), ("פברואר", 2), ("מרץ", 3), ("מרס", 3), ("אפריל", 4), ("מאי", 5), ("יוני", 6), ("יולי", 7), ("אוגוסט", 8),
        ("ספטמבר", 9), ("אוקטובר", 10), ("נובמבר", 11), ("דצמבר", 12),
    ];

    /// <summary>Month names that are also common words: taken as months only beside a day or a year.</summary>
    private static readonly HashSet<string> AmbiguousMonths = ["مارس", "מאי"];

    private static readonly Regex Pattern = BuildPattern();

    /// <summary>The dates in <paramref name="sentence"/>; a day or month without its year has three readings, in the
    /// year of <paramref name="reference"/> and the years either side, for <see cref="ResolutionRule"/> to choose from.</summary>
    public static IReadOnlyList<DateWords> Find(string sentence, DateTime reference)
    {
        var digits = AsciiDigits(sentence); // the same length: each digit of another script is one UTF-16 unit
        var found = new List<DateWords>();
        foreach (Match match in Pattern.Matches(digits))
        {
            if (ReadingsOf(match, reference.Year) is { Count: > 0 } readings)
                found.Add(new DateWords(match.Index, match.Length, sentence.Substring(match.Index, match.Length), readings));
        }
        return found;
    }

    private static List<PartialDate> ReadingsOf(Match match, int year)
    {
        int Number(string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        bool Has(string group) => match.Groups[group].Success;
        try
        {
            if (Has("iy"))
                return [PartialDate.Day(Number("iy"), Number("im"), Number("id"))];
            if (Has("ny"))
                return [PartialDate.Day(Number("ny"), Number("nm"), Number("nd"))];
            if (Has("month"))
            {
                if (AmbiguousMonths.Contains(match.Groups["month"].Value) && !Has("md") && !Has("my"))
                    return []; // "مارس" is also "he practised": a month only with its day or year
                var month = MonthNames.First(m => m.Name == match.Groups["month"].Value).Month;
                if (Has("my"))
                    return [Has("md") ? PartialDate.Day(Number("my"), month, Number("md")) : PartialDate.Month(Number("my"), month)];
                return [.. new[] { year - 1, year, year + 1 }.Select(y => Has("md") ? PartialDate.Day(y, month, Number("md")) : PartialDate.Month(y, month))];
            }
            if (Has("cuedyear"))
                return [PartialDate.Year(Number("cuedyear"))];
        }
        catch (ArgumentOutOfRangeException)
        {
            // 31/2/2023 and the like: not a date
        }
        return [];
    }

    private static string AsciiDigits(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(char.IsDigit(c) && CharUnicodeInfo.GetDecimalDigitValue(c) is var d and >= 0 ? (char)('0' + d) : c);
        return builder.ToString();
    }

    private static Regex BuildPattern()
    {
        var names = string.Join('|', MonthNames.Select(m => m.Name).OrderByDescending(n => n.Length).Select(Regex.Escape));
        // Hebrew attaches prepositions to the month ("בינואר", "לינואר"); Arabic writes "في 26 يناير".
        var pattern =
            @"(?<!\d)(?<iy>(19|20)\d{2})-(?<im>\d{1,2})-(?<id>\d{1,2})(?!\d)" +
            @"|(?<!\d)(?<nd>\d{1,2})[/.](?<nm>\d{1,2})[/.](?<ny>(19|20)\d{2})(?!\d)" +
            $@"|(?<!\p{{L}})(?:(?<md>\d{{1,2}})\s+)?(?:[בלמו]?-?)(?<month>{names})(?!\p{{L}})(?:\s*,?\s*(?<my>(19|20)\d{{2}})(?!\d))?" +
            // A bare number is a year only after a word that says so ("عام 2014", "منذ 2014", "בשנת 2014", "ב-2014"):
            // "2000 شخص" is two thousand people.
            @"|(?:(?<=\b(?:عام|العام|سنة|منذ|حتى|في|خلال)\s+)|(?<=(?:בשנת|שנת|עד|מאז)\s+)|(?<=[במל]-?))(?<cuedyear>(19|20)\d{2})(?!\d)";
        return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
