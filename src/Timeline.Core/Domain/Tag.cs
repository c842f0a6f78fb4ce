namespace Timeline.Core.Domain;

public enum TagKind
{
    Topic,
    Actor,
    Place,
}

/// <summary>A topic, actor or place an event is filed under.</summary>
public class Tag
{
    public int Id { get; set; }
    public TagKind Kind { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }

    /// <summary>"Topic:west-bank": unique, one tag per kind and slug.</summary>
    public string KindSlug { get; set; } = "";

    public static string KindSlugOf(TagKind kind, string slug) => $"{kind}:{slug}";

    /// <summary>"Actor:john kerry": the kind and the name lower-cased with diacritics folded, for suggestions as an
    /// editor types ("jo" finds John Kerry and Jörg). Added in store version 2.</summary>
    public string NameKey { get; set; } = "";

    public static string NameKeyOf(TagKind kind, string name) => $"{kind}:{Search.FoldMarksFilter.Fold(name.Trim())}";
}
