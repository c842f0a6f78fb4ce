namespace Timeline.Tests.Support;

public static class Seeds
{
    /// <summary>The seeds/ copy beside the test assembly (the web project copies it to its output, and so to ours).</summary>
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "seeds");

    /// <summary>The repository's top folder (the one with Timeline.sln), found from the test assembly upwards.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Timeline.sln")))
                directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("Timeline.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Read(string file) => File.ReadAllText(Path.Combine(Directory, file));

    public static readonly string[] ArticleFiles =
    [
        "000_1d9ba4b0c40e118f.txt",
        "001_17b7cd9cfa2d65ad.txt",
        "002_95383a19cb279dd7.txt",
        "003_f6519f8894187896.txt",
        "004_253ffd92b0958686.txt",
    ];

    /// <summary>A scratch copy of the seeds folder that a test may break.</summary>
    public static string CopyToTemp()
    {
        var target = Path.Combine(Path.GetTempPath(), $"timeline-seeds-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(target);
        foreach (var file in System.IO.Directory.GetFiles(Directory))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }
}
