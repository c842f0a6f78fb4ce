using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Text;

namespace Timeline.Core.Curation;

/// <summary>An article's metadata as the editor edits it, with the cleaned body (read-only once imported).</summary>
public sealed partial class ArticleForm
{
    public int? Id { get; set; }

    /// <summary>Where the text came from: "upload:report.html", "paste".</summary>
    public string Origin { get; set; } = "paste";
    public string Title { get; set; } = "";
    public string Outlet { get; set; } = "";
    public string Author { get; set; } = "";
    public string Url { get; set; } = "";
    public PartialDateInput Published { get; set; } = new();
    public string Language { get; set; } = "en";
    public string Body { get; set; } = "";

    /// <summary>Lines the cleaner dropped (captions, scripts, bylines…), shown so the editor can check them.</summary>
    public IReadOnlyList<string> Removed { get; set; } = [];

    public static ArticleForm From(Article a, string body) => new()
    {
        Id = a.Id, Origin = a.ImportOrigin, Title = a.Title, Outlet = a.Outlet, Author = a.Author ?? "", Url = a.Url ?? "",
        Published = PartialDateInput.From(a.Published), Language = a.Language, Body = body,
    };

    /// <summary>What a save without a headline or outlet is told (the form says it too, on leaving the field empty).</summary>
    public const string TitleMissing = "Give the article its headline.", OutletMissing = "Name the outlet that published it.";

    public FieldErrors Validate(out PartialDate published)
    {
        var errors = new FieldErrors();
        errors.CheckText("title", Title, Limits.TitleLength, required: TitleMissing);
        errors.CheckText("outlet", Outlet, Limits.NameLength, required: OutletMissing);
        errors.CheckText("author", Author, Limits.NameLength);
        var url = Url.Trim();
        if (url.Length > Limits.UrlLength)
            errors.Set("url", $"The address is longer than {Limits.UrlLength} characters.");
        else if (url.Length > 0 && WebAddress.Http(url) is null)
            errors.Set("url", "Give the article's web address, starting with https:// or http://.");
        if (!Published.TryBuild(out published, out var dateError))
            errors.Set("published", dateError!);
        if (!LanguageTag().IsMatch(Language.Trim()))
            errors.Set("language", "Use a language code such as en, he, ar or pt-BR.");
        if (Body.Trim().Length == 0)
            errors.Set("body", "There is no article text left after cleaning.");
        else if (Body.Length > Limits.ArticleBodyLength)
            errors.Set("body", $"The text has {Body.Length:N0} characters; at most {Limits.ArticleBodyLength:N0} fit.");
        return errors;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")]
    private static partial System.Text.RegularExpressions.Regex LanguageTag();
}
