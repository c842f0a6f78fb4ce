using System.Text.Json;

namespace Timeline.Core.Backups;

/// <summary>
/// backup.json, the first thing read from a backup: says the zip is a Timeline backup, which store it copies and
/// the SHA-256 of that copy, so that a foreign or damaged file is refused before anything is replaced.
/// </summary>
public sealed record BackupManifest(
    string Format, int FormatVersion, string StoreId, int StoreVersion, DateTimeOffset TakenAt,
    long StoreBytes, string StoreSha256, int Events, int Articles, int Accounts)
{
    public const string FormatName = "timeline-backup";
    public const int CurrentFormatVersion = 1;

    /// <summary>The entries of a backup: this manifest, the store's file, and the keys that sign sign-in cookies and
    /// antiforgery tokens (restored with the store, so sign-ins and open forms survive). The search index is derived
    /// from the store and left out; the app rebuilds it after a restore.</summary>
    public const string EntryName = "backup.json";
    public const string StoreEntryName = "timeline.db";
    public const string KeysFolderName = "keys/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The manifest in <paramref name="json"/>, or null when it is not one of ours.</summary>
    public static BackupManifest? Parse(Stream json)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(json, Json);
            return manifest is { Format: FormatName, StoreId.Length: > 0, StoreSha256.Length: 64 } ? manifest : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
