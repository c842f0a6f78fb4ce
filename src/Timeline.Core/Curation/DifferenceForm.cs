using Timeline.Core.Domain;
using Timeline.Core.Text;

namespace Timeline.Core.Curation;

/// <summary>What one linked article says on an aspect, as typed: the article, its words, a short value.</summary>
public sealed class ClaimForm
{
    public int? ArticleId { get; set; }
    public string Quote { get; set; } = "";
    public string Value { get; set; } = "";

    public bool IsBlank => ArticleId is null && string.IsNullOrWhiteSpace(Quote) && string.IsNullOrWhiteSpace(Value);

    public ClaimForm Clone() => new() { ArticleId = ArticleId, Quote = Quote, Value = Value };
}

/// <summary>A difference between an event's sources as the editor is editing it. Two claims to start with: a
/// difference needs two sources.</summary>
public sealed class DifferenceForm
{
    public string Aspect { get; set; } = "";
    public List<ClaimForm> Claims { get; set; } = [new(), new()];

    public bool IsBlank => string.IsNullOrWhiteSpace(Aspect) && Claims.All(c => c.IsBlank);

    public DifferenceForm Clone() => new() { Aspect = Aspect, Claims = [.. Claims.Select(c => c.Clone())] };

    /// <summary>One line per difference, for comparing two forms (conflicts) field by field.</summary>
    public static string Describe(IEnumerable<DifferenceForm> differences) => string.Join("\n", differences.Where(d => !d.IsBlank).Select(d =>
        $"{d.Aspect.Trim()}: " + string.Join("; ", d.Claims.Where(c => !c.IsBlank).Select(c =>
            $"article {c.ArticleId} “{c.Quote.Trim()}”" + (string.IsNullOrWhiteSpace(c.Value) ? "" : $" ({c.Value.Trim()})")))));
}

/// <summary>
/// The rules a difference keeps, for the event form and the seed manifest alike: an aspect; two or more claims, each
/// from a different article linked to the event, each with a quote found word for word in that article's text (as a
/// link's passage); a short value at most. Blank rows are dropped, not refused.
/// </summary>
public static class DifferenceRules
{
    public const int MaxDifferences = 100;
    public const int MaxClaims = 20;
    public const int AspectLength = 80;
    public const int ValueLength = 80;

    /// <summary>
    /// The differences to store, or null when any is wrong; then <paramref name="errors"/> says which ("difference-2-aspect",
    /// "difference-2-claim-1", …). <paramref name="textOf"/> gives a linked article's text, or null when the event does
    /// not link that article.
    /// </summary>
    public static List<SourceDifference>? Check(IReadOnlyList<DifferenceForm> forms, Func<int, string?> textOf, FieldErrors errors)
    {
        var result = new List<SourceDifference>();
        var before = errors.Count;
        var kept = forms.Select((d, i) => (Form: d, Index: i)).Where(d => !d.Form.IsBlank).ToList();
        if (kept.Count > MaxDifferences)
        {
            errors.Set("differences", $"This event lists {kept.Count} differences; at most {MaxDifferences} fit. Keep the ones a reader needs.");
            return null;
        }
        foreach (var (form, i) in kept)
        {
            var key = $"difference-{i}";
            var aspect = form.Aspect.Trim();
            if (aspect.Length == 0)
                errors.Set(key + "-aspect", "Say what the sources differ on, for example “the dead” or “the day”.");
            else if (aspect.Length > AspectLength)
                errors.Set(key + "-aspect", $"Keep it short: {aspect.Length} characters, at most {AspectLength}.");
            var claims = new List<SourceClaim>();
            var seen = new HashSet<int>();
            var rows = form.Claims.Select((c, j) => (Claim: c, Index: j)).Where(c => !c.Claim.IsBlank).ToList();
            if (rows.Count > MaxClaims)
                errors.Set(key, $"At most {MaxClaims} sources per difference.");
            foreach (var (claim, j) in rows)
            {
                var claimKey = $"{key}-claim-{j}";
                string? text = null;
                if (claim.ArticleId is not { } articleId)
                    errors.Set(claimKey, "Choose the source that says this.");
                else if ((text = textOf(articleId)) is null)
                    errors.Set(claimKey, "This article is not linked to the event: link it first, or choose one of its sources.");
                else if (!seen.Add(articleId))
                    errors.Set(claimKey, "This source is already quoted on this difference: one quote per source.");
                var quote = claim.Quote.Trim();
                string? exact = null;
                if (quote.Length == 0)
                    errors.Set(claimKey + "-quote", "Quote what this source says, word for word.");
                else if (quote.Length > Limits.PassageLength)
                    errors.Set(claimKey + "-quote", $"The quote has {quote.Length} characters; at most {Limits.PassageLength} fit.");
                else if (text is not null && (exact = LinkEditor.LocatePassage(text, quote)) is null)
                    errors.Set(claimKey + "-quote", "These words are not in the article's text word for word. Copy them from the article.");
                var value = claim.Value.Trim();
                if (value.Length > ValueLength)
                    errors.Set(claimKey + "-value", $"A value is short, such as “9”: {value.Length} characters, at most {ValueLength}.");
                if (exact is not null)
                    claims.Add(new SourceClaim { ArticleId = claim.ArticleId!.Value, Quote = exact, Value = value.Length == 0 ? null : value });
            }
            if (rows.Count < 2 && errors.For(key) is null)
                errors.Set(key, "A difference sets two sources side by side: give what at least two of them say.");
            result.Add(new SourceDifference { Aspect = aspect, Claims = claims });
        }
        return errors.Count > before ? null : result;
    }

    /// <summary>A short line naming the difference, for messages: “the dead”.</summary>
    public static string Name(string aspect) => $"“{TextExcerpt.Shorten(aspect.Trim(), 40)}”";
}
