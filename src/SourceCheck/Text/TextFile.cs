using System.Text;
using SourceCheck.Diagnostics;

namespace SourceCheck.Text;

/// <summary>Reading a text input the way every entry point does: bounded size, UTF-8 (with or without BOM) or
/// UTF-16 with BOM, invalid UTF-8 read as Latin-1, binary content refused. Problems become an
/// <see cref="InputException"/> whose message names the input.</summary>
public static class TextFile
{
    /// <summary>Largest input read (256 MiB): larger inputs are refused with a clear message.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>Reads and decodes the file at <paramref name="path"/>; <paramref name="displayName"/> (default: the path) names it in messages.</summary>
    /// <exception cref="InputException">Missing, a directory, too large, unreadable or binary.</exception>
    public static string Read(string path, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = displayName ?? path;
        if (Directory.Exists(path))
        {
            throw new InputException(DiagnosticCodes.InputIsDirectory, $"{name}: is a directory (give a file)");
        }

        if (!File.Exists(path))
        {
            throw new InputException(DiagnosticCodes.InputNotFound, $"{name}: no such file");
        }

        if (new FileInfo(path).Length > MaxBytes)
        {
            throw new InputException(DiagnosticCodes.InputTooLarge, $"{name}: file larger than {MaxBytes / (1024 * 1024)} MiB");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (UnauthorizedAccessException)
        {
            throw new InputException(DiagnosticCodes.InputUnreadable, $"{name}: cannot read: permission denied");
        }
        catch (IOException)
        {
            throw new InputException(DiagnosticCodes.InputUnreadable, $"{name}: cannot read the file");
        }

        return CheckText(Decode(bytes), name);
    }

    /// <summary>UTF-8 (with or without BOM), UTF-16 with BOM; invalid UTF-8 falls back to Latin-1.</summary>
    public static string Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        int offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    /// <summary>Refuses binary input: NUL bytes or a high share of control characters in the first 8 KiB.</summary>
    /// <returns><paramref name="text"/> unchanged.</returns>
    public static string CheckText(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        int sample = Math.Min(text.Length, 8192);
        int control = 0;
        for (int i = 0; i < sample; i++)
        {
            char c = text[i];
            if (c == '\0')
            {
                throw new InputException(DiagnosticCodes.BinaryInput, $"{name}: {DiagnosticCodes.BinaryInput}: input looks binary (NUL byte at offset {i}); expected text");
            }

            if (c < ' ' && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                control++;
            }
        }

        if (sample > 0 && control > sample / 10)
        {
            throw new InputException(DiagnosticCodes.BinaryInput, $"{name}: {DiagnosticCodes.BinaryInput}: input looks binary ({control} control characters in the first {sample}); expected text");
        }

        return text;
    }
}
