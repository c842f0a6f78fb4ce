namespace Timeline.Core.Importing;

/// <summary>A TimelineJS date as the file gives it: parts as text (files write numbers and strings alike).</summary>
public sealed record TjsDate(string? Year, string? Month, string? Day, string? Hour, string? Minute, string? Second, string? DisplayDate);

public sealed record TjsMedia(string? Url, string? Caption, string? Credit, string? Thumbnail, string? Alt);

/// <summary>One slide of a TimelineJS file (an event, the title slide or an era), with where it stands in the file
/// (<paramref name="Entry"/>: "event 3", "row 7") for messages.</summary>
public sealed record TjsSlide(
    string Entry, TjsDate? Start, TjsDate? End, string? Headline, string? Text, TjsMedia? Media, string? Group,
    string? DisplayDate, string? UniqueId, bool HasBackground);

/// <summary>A TimelineJS 3 timeline read from its JSON or its spreadsheet (CSV) form; <paramref name="Problem"/> when
/// the file could not be read at all.</summary>
public sealed record TimelineJsFile(TjsSlide? Title, IReadOnlyList<TjsSlide> Events, IReadOnlyList<TjsSlide> Storylines, string? Problem)
{
    public static TimelineJsFile Unreadable(string problem) => new(null, [], [], problem);
}
