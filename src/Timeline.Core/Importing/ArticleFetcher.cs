using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Timeline.Core.Importing;

/// <summary>Settings of the fetch behind "Import from a link" (configuration section "Timeline:Fetch").</summary>
public sealed class ArticleFetchOptions
{
    /// <summary>Lets the fetch reach loopback and private addresses. Off: only the tests turn it on, to serve pages
    /// from a server of their own on 127.0.0.1.</summary>
    public bool AllowPrivateAddresses { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
    public int MaxBytes { get; set; } = ArticleImportReader.MaxFileBytes;
    public const int MaxRedirects = 5;
}

/// <summary>A fetched page, or why there is none: a message for the curator.</summary>
public sealed record FetchedPage(Uri Address, string Text, bool IsHtml);

public sealed record FetchOutcome(FetchedPage? Page, string? Refusal);

/// <summary>
/// Fetches an article page for import, safely: http(s) only, to public addresses only (<see cref="PublicAddresses"/>),
/// checked on the address the name resolves to and with the connection made to that very address (so a name that
/// answers differently the second time cannot reach an internal host), every redirect checked again (at most five),
/// within a time and size limit, and only HTML or plain text.
/// </summary>
public sealed class ArticleFetcher : IDisposable
{
    private readonly ArticleFetchOptions options;
    private readonly HttpClient client;

    public ArticleFetcher(ArticleFetchOptions options)
    {
        this.options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // each redirect is checked here
            AutomaticDecompression = DecompressionMethods.All,
            ConnectCallback = ConnectAsync,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            UseProxy = false,
            UseCookies = false,
        };
        client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("TimelineArticleImport/1.0 (+https://github.com/timeline)");
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html, application/xhtml+xml, text/plain;q=0.9");
    }

    /// <summary>Refused before any connection: the check of a resolved address.</summary>
    private sealed class RefusedAddressException(string message) : Exception(message);

    public async Task<FetchOutcome> FetchAsync(string address, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri))
            return Refuse("That is not a web address. Paste the whole address, starting with https://.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                    return Refuse($"Only http and https addresses can be fetched, not {uri.Scheme}:.");
                if (!string.IsNullOrEmpty(uri.UserInfo))
                    return Refuse("Addresses with a user name or password are not fetched.");
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (redirects == ArticleFetchOptions.MaxRedirects)
                        return Refuse($"The address redirects more than {ArticleFetchOptions.MaxRedirects} times.");
                    uri = new Uri(uri, location);
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                    return Refuse($"The site answered {(int)response.StatusCode} {response.ReasonPhrase}: the page could not be fetched.");
                var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
                var isHtml = mediaType is "text/html" or "application/xhtml+xml";
                if (!isHtml && mediaType != "text/plain")
                    return Refuse($"The address gives {mediaType ?? "no declared type"}, not a web page: only HTML and plain text are imported.");
                if (response.Content.Headers.ContentLength > options.MaxBytes)
                    return Refuse(TooLarge());
                var bytes = await ReadLimitedAsync(response.Content, timeout.Token);
                if (bytes is null)
                    return Refuse(TooLarge());
                return new FetchOutcome(new FetchedPage(uri, Decode(bytes, response.Content.Headers.ContentType), isHtml), null);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Refuse($"The site did not answer within {options.Timeout.TotalSeconds:0} seconds.");
        }
        catch (HttpRequestException e) when (e.InnerException is RefusedAddressException refused)
        {
            return Refuse(refused.Message);
        }
        catch (HttpRequestException e)
        {
            return Refuse($"The page could not be fetched: {e.Message}");
        }
    }

    private string TooLarge() => $"The page is larger than {options.MaxBytes / 1024 / 1024} MB; save it and upload the text instead.";

    private static FetchOutcome Refuse(string message) => new(null, message);

    /// <summary>Resolves the host, refuses it unless every address it gives is public, and connects to the checked address.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        IPAddress[] addresses;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
            addresses = [literal];
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            }
            catch (SocketException)
            {
                throw new RefusedAddressException($"The site's name, {host}, could not be found.");
            }
        }
        if (addresses.Length == 0)
            throw new RefusedAddressException($"The site's name, {host}, could not be found.");
        if (!options.AllowPrivateAddresses && addresses.FirstOrDefault(a => !PublicAddresses.IsPublic(a)) is { } internalAddress)
            throw new RefusedAddressException($"{host} is at {internalAddress}, an internal address: only public sites are fetched.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<byte[]?> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > options.MaxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string Decode(byte[] bytes, MediaTypeHeaderValue? type)
    {
        var encoding = Encoding.UTF8;
        if (type?.CharSet is { Length: > 0 } charset)
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // an unknown charset: UTF-8, the web's default
            }
        }
        return encoding.GetString(bytes);
    }

    public void Dispose() => client.Dispose();
}
