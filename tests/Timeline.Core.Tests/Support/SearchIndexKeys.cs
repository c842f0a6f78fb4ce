using Lucene.Net.Search;
using Timeline.Core.Search;

namespace Timeline.Tests.Support;

public static class SearchIndexKeys
{
    /// <summary>Every document key in the index, for checks that it agrees with the store (after a crash, a rebuild,
    /// a generated timeline).</summary>
    public static HashSet<string> DocumentKeys(this SearchIndex index)
    {
        var all = new MatchAllDocsQuery();
        return [.. index.Find(all, null, Math.Max(1, index.Count(all))).Hits.Select(h => h.Key)];
    }
}
