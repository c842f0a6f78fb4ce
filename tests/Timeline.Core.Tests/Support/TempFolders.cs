namespace Timeline.Tests.Support;

/// <summary>Removing a test's temporary folder once the host or store in it has stopped.</summary>
public static class TempFolders
{
    /// <summary>
    /// A writer that finishes just after a host stops (a key ring file, an index merge) can make one recursive delete
    /// fail with "directory not empty": try again shortly, and leave the folder to the system's temp cleaning rather
    /// than fail tests that passed (a class cleanup failure makes the whole run exit non-zero).
    /// </summary>
    public static async Task DeleteAsync(string folder)
    {
        for (var attempt = 0; attempt < 5 && Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                await Task.Delay(200);
            }
        }
    }
}
