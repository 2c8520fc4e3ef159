using System.Text;
using System.Text.RegularExpressions;
using SourceCheck.Text;

namespace SourceCheck.Documents.Web;

/// <summary>Turns raw page bytes into text: byte-order mark first, then the charset from an HTTP header, then
/// <c>&lt;meta charset&gt;</c> / <c>http-equiv</c> in the first 4 KiB, then a UTF-8 validity check, finally
/// Windows-1252 (the HTML standard's replacement for Latin-1).</summary>
internal static class HtmlDecoder
{
    private static readonly Regex MetaCharset = RegexPolicy.Create(
        @"<meta[^>]{0,300}?charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]{1,40})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    static HtmlDecoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="headerCharset"/> is the charset parameter of
    /// the Content-Type header when known. Returns the text and the name of the encoding used.</summary>
    public static (string Text, string Encoding) Decode(ReadOnlySpan<byte> bytes, string? headerCharset = null)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return (Encoding.UTF8.GetString(bytes[3..]), "utf-8");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return (Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return (Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");
        }

        bool validUtf8 = IsValidUtf8(bytes, out bool hasNonAscii);
        Encoding? declared = Lookup(headerCharset);
        if (declared is null)
        {
            string head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
            var m = MetaCharset.Match(head);
            if (m.Success)
            {
                declared = Lookup(m.Groups[1].Value);
            }
        }

        if (declared is not null)
        {
            // A page that declares another charset but is valid UTF-8 with non-ASCII bytes is UTF-8 (a common mistake
            // of templates, and of crawlers that re-encode pages without rewriting the meta tag). For a multi-byte
            // charset (GB2312, Shift_JIS, EUC-KR) a few byte pairs can be valid UTF-8 by chance, a page's worth cannot:
            // at least MultiByteEvidence UTF-8 sequences are asked for.
            if (declared.CodePage != 65001 && validUtf8 && hasNonAscii
                && (declared.IsSingleByte || Utf8Sequences(bytes) >= MultiByteEvidence))
            {
                return (Encoding.UTF8.GetString(bytes), "utf-8");
            }

            if (declared.CodePage == 65001 && !validUtf8 && hasNonAscii)
            {
                // declared UTF-8 but is not: fall back to Windows-1252.
                return (Encoding.GetEncoding(1252).GetString(bytes), "windows-1252");
            }

            return (declared.GetString(bytes), declared.WebName);
        }

        if (validUtf8)
        {
            return (Encoding.UTF8.GetString(bytes), "utf-8");
        }

        return (Encoding.GetEncoding(1252).GetString(bytes), "windows-1252");
    }

    private static Encoding? Lookup(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        string n = name.Trim().Trim('"', '\'').ToLowerInvariant();
        if (n is "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "iso8859-1")
        {
            n = "windows-1252";
        }
        else if (n is "utf8" or "unicode-1-1-utf-8")
        {
            n = "utf-8";
        }
        else if (n is "utf-16" or "utf-16le" or "utf-16be" or "unicode")
        {
            // A meta tag read as ASCII cannot be UTF-16: the document is really ASCII-compatible.
            n = "utf-8";
        }

        try
        {
            return Encoding.GetEncoding(n);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Multi-byte UTF-8 sequences a page declaring a multi-byte charset must hold to be read as UTF-8.</summary>
    private const int MultiByteEvidence = 16;

    /// <summary>Lead bytes of multi-byte UTF-8 sequences (for bytes already known to be valid UTF-8).</summary>
    private static int Utf8Sequences(ReadOnlySpan<byte> bytes)
    {
        int n = 0;
        foreach (byte b in bytes)
        {
            if (b >= 0xC0)
            {
                n++;
            }
        }

        return n;
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes, out bool hasNonAscii)
    {
        hasNonAscii = bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F) >= 0;
        return !hasNonAscii || System.Text.Unicode.Utf8.IsValid(bytes);
    }
}
