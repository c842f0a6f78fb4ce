using Timeline.Core.ArticleReading;
using Timeline.Core.Curation;
using Timeline.Core.Dates;
using Timeline.Core.Domain;
using Timeline.Core.Storage;
using Timeline.Tests.Support;

namespace Timeline.Tests.ArticleReading;

/// <summary>Dates are derived data stored with each article: read once, read again when the publication date or
/// language changes, and read for every article of an upgraded store. On real LiteDB files.</summary>
public sealed class ArticleDatesStoreTests
{
    private static readonly ArticleReader Reader = new();

    [Fact]
    public async Task An_imported_article_waits_for_its_dates_and_a_new_publication_date_reads_them_again()
    {
        await using var database = TestStore.CreateEmpty();
        var editor = new ArticleEditor(database.Store, database.Index, database.Listener, TimeProvider.System);
        var form = new ArticleForm
        {
            Origin = "test", Title = "Talks collapse", Outlet = "Wire", Language = "en",
            Published = PartialDateInput.From(PartialDate.Day(2014, 4, 9)),
            Body = "Hamas said on Wednesday that the talks had failed. They were relaunched in July.",
        };
        var id = Assert.IsType<Saved>(await editor.ImportAsync(form, "editor")).Id;
        var pending = new PendingArticleDates(database.Store, Reader);
        Assert.True(database.Store.Articles.FindById(id).DatesPending);
        Assert.Equal(1, pending.Count());

        var read = new List<int>();
        pending.Read += read.Add;
        Assert.Equal(1, pending.ReadNext(10));
        Assert.Equal([id], read);
        Assert.Equal(0, pending.Count());
        var dates = database.Store.ArticleDates.FindById(id);
        Assert.Equal(["2014-04-09", "2013-07"], dates.Mentions.Select(m => m.Date.ToIsoString()));

        var edited = editor.Load(id)!;
        edited.Published = PartialDateInput.From(PartialDate.Day(2014, 4, 10));
        Assert.IsType<Saved>(await editor.UpdateAsync(edited, "editor"));
        Assert.Equal(1, pending.Count());
        pending.ReadNext(10);
        Assert.Equal("2014-04-09", database.Store.ArticleDates.FindById(id).Mentions[0].Date.ToIsoString()); // Wednesday before a Thursday
        database.Reopen();
        Assert.Equal(PartialDate.Day(2014, 4, 10), database.Store.ArticleDates.FindById(id).Published);
    }

    [Fact]
    public async Task An_upgraded_store_reads_the_dates_of_every_article_it_holds()
    {
        var folder = TestStore.NewFolder();
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "stores", "version-4.db"), TestStore.StoreFile(folder));
        await using var database = TestStore.Open(folder);
        var articles = database.Store.Articles.Count();
        Assert.True(articles >= 10);
        var pending = new PendingArticleDates(database.Store, Reader);
        Assert.Equal(articles, pending.Count());
        while (pending.ReadNext(4) > 0)
        {
        }
        Assert.Equal(0, pending.Count());
        Assert.Equal(articles, database.Store.ArticleDates.Count());
    }

    [Fact]
    public async Task A_new_event_from_a_sentence_is_stored_with_its_first_source_or_not_at_all()
    {
        await using var seeded = await TestStore.CreateSeededAsync();
        var store = seeded.Store;
        var pending = new PendingArticleDates(store, Reader);
        while (pending.ReadNext(10) > 0)
        {
        }
        var insights = new ArticleInsights(store, new EventSuggester(store, seeded.Index), pending);
        var article = store.Articles.FindOne(a => a.Outlet == "World Israel News");
        var index = store.ArticleDates.FindById(article.Id).Mentions.FindIndex(m => m.Text == "Thursday evening");
        var draft = insights.DraftFromSentence(article.Id, index)!;
        Assert.Equal(PartialDate.Day(2023, 1, 26), PartialDateFrom(draft.Form.Start));
        Assert.Equal(store.Storylines.FindOne(s => s.Slug == "2023-security-coordination-halt").Id, draft.Form.StorylineId);
        Assert.Contains("Thursday evening", draft.Source.Passage);
        Assert.False(string.IsNullOrWhiteSpace(draft.Form.Title));
        Assert.Equal(LinkRole.FirstReport, draft.Source.Role);

        var events = store.Events.Count();
        var editor = seeded.Events();
        draft.Source.Passage = "words the article does not hold";
        var refused = Assert.IsType<Invalid>(await editor.CreateWithSourceAsync(draft.Form, draft.Source, "editor"));
        Assert.NotNull(refused.Errors.For("source-passage"));
        Assert.Equal(events, store.Events.Count());

        draft = insights.DraftFromSentence(article.Id, index)!;
        var saved = Assert.IsType<Saved>(await editor.CreateWithSourceAsync(draft.Form, draft.Source, "editor"));
        var link = Assert.Single(store.Links.Find(l => l.EventId == saved.Id));
        Assert.Equal(article.Id, link.ArticleId);
        Assert.Contains("Thursday evening", link.Passage);
    }

    private static PartialDate PartialDateFrom(PartialDateInput input) =>
        input.TryBuild(out var date, out _) ? date : throw new InvalidOperationException("no date");
}
