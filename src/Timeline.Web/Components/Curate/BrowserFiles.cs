using Microsoft.AspNetCore.Components.Forms;

namespace Timeline.Web.Components.Curate;

/// <summary>Files a curator chose in the browser, read over the circuit.</summary>
public static class BrowserFiles
{
    /// <summary>The file's bytes; null, without reading it, when it is larger than <paramref name="maxBytes"/> (the
    /// browser would otherwise stream all of it over the circuit before being refused).</summary>
    public static async Task<byte[]?> ReadAsync(IBrowserFile file, long maxBytes)
    {
        if (file.Size > maxBytes)
            return null;
        using var content = new MemoryStream();
        await using (var stream = file.OpenReadStream(maxBytes))
            await stream.CopyToAsync(content);
        return content.ToArray();
    }

    /// <summary>"3.2 MB": a size as the refusals say it.</summary>
    public static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.0} MB";
}
