using System.IO.Compression;
using System.Text;

namespace Timeline.Core.Storage;

/// <summary>Article text in and out of its compressed form, byte for byte.</summary>
public static class ArticleTextCodec
{
    public static byte[] Compress(string text)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Optimal))
            brotli.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    public static string Decompress(byte[] compressed)
    {
        using var brotli = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
