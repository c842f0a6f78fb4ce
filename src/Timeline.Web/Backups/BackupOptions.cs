using Timeline.Core.Storage;

namespace Timeline.Web.Backups;

/// <summary>The "Timeline:Backups" configuration section.</summary>
public sealed class BackupOptions
{
    public const string Section = "Timeline:Backups";

    /// <summary>Where backups go; by default a folder beside the store (App_Data/timeline-backups). Put it on another
    /// disk to survive the loss of the store's.</summary>
    public string? Folder { get; set; }

    /// <summary>How often the app backs itself up, counted from the newest backup in the folder; zero turns the schedule
    /// off ("Back up now" and the command line still work).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many backups to keep; older ones are deleted after each new one.</summary>
    public int Keep { get; set; } = 7;

    public string FolderFor(string storePath) =>
        string.IsNullOrWhiteSpace(Folder) ? TimelineStore.SiblingPath(storePath, "-backups") : Path.GetFullPath(Folder);
}
