namespace Timeline.Core.Domain;

/// <summary>Field lengths, shared by the database schema and input validation.</summary>
public static class Limits
{
    public const int SlugLength = 120;
    public const int TitleLength = 300;
    public const int NameLength = 200;
    public const int UrlLength = 2048;
    public const int SummaryLength = 20_000;
    public const int PassageLength = 4_000;
    public const int UserNameLength = 64;
    public const int ArticleBodyLength = 200_000;
}
