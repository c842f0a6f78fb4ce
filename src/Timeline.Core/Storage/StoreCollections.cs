using System.Globalization;
using LiteDB;

namespace Timeline.Core.Storage;

public static class StoreCollections
{
    /// <summary>The documents with these ids, in no particular order; none for no ids.</summary>
    public static IEnumerable<T> FindByIds<T>(this ILiteCollection<T> collection, IEnumerable<int> ids)
    {
        var keys = ids.Distinct().ToList();
        // Measured (the publishing benchmark): an IN query costs about 3 ms whatever it finds, a lookup by id a tenth
        // of that; so a few ids are looked up one by one, and only a long list goes to one IN query.
        if (keys.Count <= 16)
            return [.. keys.Select(id => collection.FindById(id)).Where(found => found is not null)];
        return collection.Find(Query.In("_id", keys.Select(id => new BsonValue(id))));
    }

    /// <summary>The documents named by search document keys ("event:12"), in the keys' order (a search's ranking);
    /// keys whose document is gone are left out.</summary>
    public static List<T> FindByDocumentKeys<T>(this ILiteCollection<T> collection, IReadOnlyList<string> keys, Func<T, int> idOf)
    {
        var ids = keys.Select(IdOfDocument).ToList();
        var found = collection.FindByIds(ids).ToDictionary(idOf);
        return [.. ids.Select(id => found.GetValueOrDefault(id)).OfType<T>()];
    }

    /// <summary>The id in a search document key: "event:12" → 12.</summary>
    public static int IdOfDocument(string key) => int.Parse(key.AsSpan(key.IndexOf(':') + 1), NumberStyles.None, CultureInfo.InvariantCulture);
}
