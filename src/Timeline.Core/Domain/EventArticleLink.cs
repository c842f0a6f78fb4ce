namespace Timeline.Core.Domain;

/// <summary>What an article does for an event.</summary>
public enum LinkRole
{
    FirstReport,
    Report,
    Confirmation,
    Reaction,
    Background,
    Analysis,
    Correction,
}

/// <summary>An article backing an event, with the passage of the article that supports the link.</summary>
public class EventArticleLink
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public int ArticleId { get; set; }
    public LinkRole Role { get; set; }

    /// <summary>Quoted verbatim from the article's text.</summary>
    public required string Passage { get; set; }
    public string? Note { get; set; }

    /// <summary>The date this article gives for the event, when the curator has recorded one.</summary>
    public SourceDate? SourceDate { get; set; }

    /// <summary>"{EventId}:{ArticleId}", unique: one link per event and article.</summary>
    public string PairKey { get; set; } = "";

    public static string PairKeyOf(int eventId, int articleId) => $"{eventId}:{articleId}";
}

public static class LinkRoles
{
    /// <summary>The manifest's and URLs' spelling: "first-report".</summary>
    public static string ToKey(this LinkRole role) => role switch
    {
        LinkRole.FirstReport => "first-report",
        _ => role.ToString().ToLowerInvariant(),
    };

    public static string ToLabel(this LinkRole role) => role switch
    {
        LinkRole.FirstReport => "First report",
        _ => role.ToString(),
    };

    public static bool TryParseKey(string? key, out LinkRole role)
    {
        foreach (var candidate in Enum.GetValues<LinkRole>())
        {
            if (string.Equals(candidate.ToKey(), key?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }

    public static IEnumerable<string> Keys => Enum.GetValues<LinkRole>().Select(r => r.ToKey());
}
