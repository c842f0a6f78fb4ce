namespace Timeline.Tests.Support;

/// <summary>
/// Strings that have broken parsers and forms elsewhere (a selection of the "big list of naughty strings") plus
/// dates at the edges of the calendar. Every parser, reader URL and form field must take each of them and answer
/// with a page, a result or a message: never an exception.
/// </summary>
public static class HostileInput
{
    public static readonly string[] Strings =
    [
        "", " ", "\t", "\n", "\r\n", "\0", "\u0001", "\u007f", "\u0085",
        "\uFFFE", "\uFFFF", "a\uFFFEb", "\uFDD0", "\uD800", "\uDC00x", "x\uD83D", "\uD83D\uDE00", "😀 emoji 👍🏽",
        "\u202Eevil\u202C", "\u200B", "\u200D", "\uFEFF", "\u0301", "e\u0301\u0301\u0301\u0301",
        "２０２４-０６-０１", "٢٠٢٤", "٢٠٢٤-٠٦-٠١", "𝟐𝟎𝟐𝟒", "१९४७", "²⁰¹⁴",
        "9999-12-31", "9999-12-31T23:59", "9999-12", "9999", "0000", "0001-01-01", "0001", "10000", "-1", "+2014",
        "2014-02-30", "2014-13", "2014-00", "2014-04-31", "2014-04-09T24:00", "2014-04-09T23:60", "1900-02-29",
        "99999999999999999999", "-2147483648", "2147483648", "NaN", "Infinity", "1e309", "0x10", "1,000",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "data:text/html,<b>x</b>",
        "' OR 1=1 --", "'; DROP TABLE Events; --", "%00", "%", "%%", "%zz", "../../etc/passwd", "..\\..\\win.ini",
        "{{7*7}}", "${7*7}", "@(1+1)", "\\", "\\\\", "\"", "'", "`", "*", "-", "- -", "\"\"", "\"unbalanced",
        "NEAR(", "title:", "body:x", ")(", "AND", "OR NOT", "a AND", "[a TO z]", "x^2", "~", "?", "/", "//", "&", "#",
        "Ω≈ç√∫˜µ≤≥÷", "ÅÍÎÏ˝ÓÔÒÚÆ☃", "ＡＢＣ", "עברית", "العربية", "צה\"ל", "الكِتَابُ", "İstanbul", "ß", "ﷺ", "𝕿𝖍𝖊",
        "田中さんにあげて下さい", "\u0E01\u0E34\u0E4D\u0E4D\u0E4D\u0E4D", "Z̴̡̪̫͖̥̔͊̋a̶̢̧͖l̴g̵o̸",
        new string('a', 5000), new string('9', 400), string.Concat(Enumerable.Repeat("x* ", 300)),
        string.Concat(Enumerable.Repeat("\"a\" ", 200)), string.Concat(Enumerable.Repeat("é", 3000)),
    ];

    /// <summary>Years at and beyond the ends of the calendar, for the form's number fields.</summary>
    public static readonly int?[] Years = [null, int.MinValue, -1, 0, 1, 2, 1000, 9998, 9999, 10000, int.MaxValue];
}
