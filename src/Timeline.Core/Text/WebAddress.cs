namespace Timeline.Core.Text;

/// <summary>Addresses of pages elsewhere: only absolute http and https ones are ever stored, linked or written out.</summary>
public static class WebAddress
{
    /// <summary>The address when it is an absolute http(s) one; null for anything else (relative, javascript:, data:, ftp:…).</summary>
    public static Uri? Http(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
}
