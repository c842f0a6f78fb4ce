using System.Globalization;

namespace Timeline.Core.Addresses;

/// <summary>The curator area's addresses, in one place for its pages, components and layout. The pages' own
/// <c>@page</c> templates must be literals; these build the links to them.</summary>
public static class CuratorPaths
{
    public const string Home = "/curate";
    public const string Events = Home + "/events";
    public const string Drafts = Events + "?status=Draft";
    public const string NewEvent = Events + "/new";
    public const string Trash = Home + "/trash";
    public const string Articles = Home + "/articles";
    public const string UnlinkedArticles = Articles + "?unlinked=true";
    public const string ImportArticles = Articles + "/import";
    public const string Storylines = Home + "/eras";
    public const string NewStoryline = Storylines + "/new";
    public const string ImportTimelineJs = Home + "/import/timelinejs";
    public const string Users = Home + "/admin/users";
    public const string Backups = Home + "/admin/backups";

    public static string Event(int id) => Events + "/" + Id(id);

    public static string EventHistory(int id) => Event(id) + "/history";

    public static string Article(int id) => Articles + "/" + Id(id);

    /// <summary>The new-event form prefilled from the sentence of an article's date number <paramref name="dateIndex"/>.</summary>
    public static string NewEventFromSentence(int articleId, int dateIndex) => $"{NewEvent}?article={Id(articleId)}&date={Id(dateIndex)}";

    public static string Storyline(int id) => Storylines + "/" + Id(id);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
