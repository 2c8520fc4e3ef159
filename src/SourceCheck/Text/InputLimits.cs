using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace SourceCheck.Text;

/// <summary>The one place for input size limits and bounded file reads. Every reader of files the user names
/// (inputs, styles, locales, page folders, gzip pages) goes through here, so a device (<c>/dev/zero</c>), a FIFO that
/// never ends or a decompression bomb stops at a stated limit instead of exhausting memory.</summary>
public static class InputLimits
{
    /// <summary>Largest input text read (16 MiB): articles, bibliographies, pair files, pages given as files.</summary>
    public const long MaxInputBytes = 16L * 1024 * 1024;

    /// <summary>Largest style or locale file (4 MiB; the largest official style is under 200 KB).</summary>
    public const long MaxStyleBytes = 4L * 1024 * 1024;

    /// <summary>Largest page after gzip decompression (16 MiB; fetched pages are capped at 5 MB).</summary>
    public const long MaxDecompressedBytes = 16L * 1024 * 1024;

    /// <summary>Largest manifest (<c>pages.json</c>, <c>index.tsv</c>) in a page folder.</summary>
    public const long MaxManifestBytes = 16L * 1024 * 1024;

    /// <summary>Reads at most <paramref name="max"/> bytes; more is an <see cref="InputTooLargeException"/>. Works for
    /// regular files, pipes and devices alike (the read stops at the limit; the length is never trusted).</summary>
    public static byte[] ReadAllBytes(string path, long max)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
        return ReadBounded(stream, max, path);
    }

    /// <summary>UTF-8 text of a file read with <see cref="ReadAllBytes"/> (invalid bytes become U+FFFD).</summary>
    public static string ReadAllText(string path, long max) => Encoding.UTF8.GetString(ReadAllBytes(path, max));

    /// <summary>Copies at most <paramref name="max"/> bytes of a stream.</summary>
    public static byte[] ReadBounded(Stream stream, long max, string what) => ReadBounded(stream, max, what, string.Empty);

    private static byte[] ReadBounded(Stream stream, long max, string what, string detail)
    {
        // a file's length only sizes the buffer (one copy instead of a doubling series); the limit is still enforced below
        long hint = stream.CanSeek ? Math.Min(stream.Length - stream.Position, max) + 1 : 0;
        if (hint is > 1 and < int.MaxValue)
        {
            // a regular file: read straight into an array of its length; only if it grew meanwhile, go on below
            byte[] whole = new byte[hint - 1];
            int got = stream.ReadAtLeast(whole, whole.Length, throwOnEndOfStream: false);
            if (got < whole.Length)
            {
                return whole.AsSpan(0, got).ToArray();
            }

            int more = stream.ReadByte();
            if (more < 0)
            {
                return whole;
            }

            if (whole.Length + 1 > max)
            {
                throw new InputTooLargeException(what, max, detail);
            }

            using var grown = new MemoryStream(whole.Length * 2);
            grown.Write(whole);
            grown.WriteByte((byte)more);
            return CopyBounded(stream, grown, max, what, detail);
        }

        using var ms = new MemoryStream(hint is > 0 and < int.MaxValue ? (int)hint : 0);
        return CopyBounded(stream, ms, max, what, detail);
    }

    private static byte[] CopyBounded(Stream stream, MemoryStream ms, long max, string what, string detail)
    {
        var buffer = new byte[81920];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (ms.Length + n > max)
            {
                throw new InputTooLargeException(what, max, detail);
            }

            ms.Write(buffer, 0, n);
        }

        return ms.ToArray();
    }

    /// <summary>Gzip-decompresses at most <see cref="MaxDecompressedBytes"/> (a bomb stops at the limit).</summary>
    public static byte[] Gunzip(byte[] compressed, string what, long max = MaxDecompressedBytes)
    {
        using var gz = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        return ReadBounded(gz, max, what, " after decompression");
    }

    /// <summary>What is at a path, without following a final symbolic link.</summary>
    public static FileKind KindOf(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path) && info.LinkTarget is null)
        {
            return FileKind.Missing;
        }

        if (info.LinkTarget is not null)
        {
            return FileKind.SymbolicLink;
        }

        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        if (OperatingSystem.IsWindows())
        {
            return FileKind.Regular;
        }

        int mode = UnixMode(path);
        return mode < 0 ? FileKind.Regular : (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0xA000 => FileKind.SymbolicLink,
            0x4000 => FileKind.Directory,
            _ => FileKind.Special,
        };
    }

    private static int UnixMode(string path)
    {
        // The runtime's own stat shim (libSystem.Native, shipped with every .NET): its FileStatus starts with
        // (int Flags, int Mode) on every platform, unlike libc's struct stat.
        var buffer = new byte[512];
        try
        {
            byte[] name = Encoding.UTF8.GetBytes(path + "\0");
            return LStat(name, buffer) == 0 ? BitConverter.ToInt32(buffer, 4) : -1;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return -1;
        }
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
    private static extern int LStat(byte[] path, byte[] output);
}

/// <summary>What a path names, read without following a symbolic link.</summary>
public enum FileKind
{
    /// <summary>Nothing at that path.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link (not followed).</summary>
    SymbolicLink,

    /// <summary>A device, FIFO or socket.</summary>
    Special,
}

/// <summary>An input passed a size limit of <see cref="InputLimits"/>.</summary>
public sealed class InputTooLargeException(string what, long limit, string detail = "")
    : IOException(Diagnostics.Diagnostic.At(what, Diagnostics.DiagnosticCodes.InputTooLarge, $"larger than the limit of {Format(limit)}{detail}"))
{
    /// <summary>The limit passed, in bytes.</summary>
    public long Limit { get; } = limit;

    private static string Format(long bytes) => bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes:N0} bytes";
}
