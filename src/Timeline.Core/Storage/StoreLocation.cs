namespace Timeline.Core.Storage;

/// <summary>Where the store lives: the file a configured connection string names.</summary>
public static class StoreLocation
{
    public const string DefaultConnectionString = "Filename=App_Data/timeline.db";

    /// <summary>
    /// The store file named by a connection string in LiteDB's syntax ("Filename=/srv/timeline.db", or just a path);
    /// "Data Source=" (the key of connection strings written for an earlier version) is understood too. A relative path is taken from
    /// <paramref name="baseDirectory"/>, so the app finds the same file whatever the working directory.
    /// </summary>
    public static string ResolvePath(string? configured, string baseDirectory)
    {
        var text = string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured.Trim();
        string? path;
        if (text.Contains('='))
        {
            var values = text.Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(part => part.Split('=', 2))
                .Where(pair => pair.Length == 2)
                .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
            path = values.GetValueOrDefault("filename") ?? values.GetValueOrDefault("data source");
            if (string.IsNullOrWhiteSpace(path))
                throw new ArgumentException($"The connection string \"{text}\" names no file: write Filename=PATH.");
        }
        else
        {
            path = text;
        }
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory, path));
    }
}
