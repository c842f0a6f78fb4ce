using System.Globalization;
using LiteDB;
using Timeline.Core.Dates;

namespace Timeline.Core.Storage;

/// <summary>How the store's documents map to BSON: the mapper every <see cref="TimelineStore"/> opens its file with.</summary>
public static class StoreMapper
{
    /// <summary>Keeps text exactly as given ("" stays "", spaces stay) and dates with their precision.</summary>
    public static BsonMapper Create()
    {
        var mapper = new BsonMapper { TrimWhitespace = false, EmptyStringToNull = false, EnumAsInteger = false };
        // A partial date as its ISO text ("~2013-07" when approximate): exact, and readable in the file.
        mapper.RegisterType(
            date => new BsonValue(date.ToString()),
            value => PartialDate.Parse(value.AsString.TrimStart('~'), approximate: value.AsString.StartsWith('~')));
        // LiteDB stores a DateTimeOffset as a UTC DateTime cut to milliseconds; as ISO 8601 text it round-trips exactly.
        mapper.RegisterType(
            moment => new BsonValue(moment.ToString("O", CultureInfo.InvariantCulture)),
            value => DateTimeOffset.Parse(value.AsString, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
        return mapper;
    }
}
