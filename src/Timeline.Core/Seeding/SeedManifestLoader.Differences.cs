using System.Text.RegularExpressions;
using Timeline.Core.Curation;
using Timeline.Core.Domain;

namespace Timeline.Core.Seeding;

// The checks of what an event's sources say: where they differ, and its public notes.
public static partial class SeedManifestLoader
{
    /// <summary>The event form's rules (<see cref="DifferenceRules"/>): a claim's article is one the event links, by file.</summary>
    private static List<PlannedDifference> CheckDifferences(List<SeedDifference> entries, List<PlannedArticle> articles, HashSet<string> linkedFiles,
        string where, List<string> problems)
    {
        var ids = articles.Select((a, i) => (a.File, Id: i + 1)).ToDictionary(a => a.File, a => a.Id);
        var forms = entries.Select(d => new DifferenceForm
        {
            Aspect = d.Aspect ?? "",
            Claims = [.. (d.Sources ?? []).Select(c => new ClaimForm
            {
                ArticleId = c.Article is not null && ids.TryGetValue(c.Article, out var id) ? id : null, Quote = c.Quote ?? "", Value = c.Value ?? "",
            })],
        }).ToList();
        var errors = new FieldErrors();
        var checkedDifferences = DifferenceRules.Check(forms, id => linkedFiles.Contains(articles[id - 1].File) ? articles[id - 1].Body : null, errors);
        foreach (var (field, message) in errors)
            problems.Add($"{where} {FieldPath().Replace(field, m => $"[{m.Groups[1].Value}]")}: {message}");
        return checkedDifferences is null ? [] : [.. checkedDifferences.Select(d => new PlannedDifference(d.Aspect,
            [.. d.Claims.Select(c => (articles[c.ArticleId - 1].File, c.Quote, c.Value))]))];
    }

    private static List<PlannedNote> CheckNotes(List<SeedNote> entries, string where, List<string> problems)
    {
        var notes = new List<PlannedNote>();
        foreach (var (note, n) in entries.Select((note, n) => (note, n)))
        {
            if (!Enum.TryParse<PublicNoteKind>(note.Kind, ignoreCase: true, out var kind))
            {
                problems.Add($"{where} notes[{n}]: kind \"{note.Kind}\" is not one of correction and update.");
                continue;
            }
            var errors = new FieldErrors();
            EventForm.CheckNote(kind, note.Text ?? "", errors);
            if (errors.For("note") is { } message)
                problems.Add($"{where} notes[{n}]: text: {message}");
            else
                notes.Add(new PlannedNote(kind, note.Text!.Trim(), note.At));
        }
        return notes;
    }

    /// <summary>"difference-2-claim-1-quote" → "difference[2]-claim[1]-quote": the form's field names as manifest positions.</summary>
    [GeneratedRegex(@"-(\d+)")]
    private static partial Regex FieldPath();
}
