using System.Text;
using SourceCheck.Diagnostics;

namespace SourceCheck.Text;

/// <summary>Reading a text input the way every entry point does: bounded size (<see cref="InputLimits"/>; devices and
/// FIFOs stop at the limit), UTF-8 (with or without BOM) or UTF-16 with BOM, invalid UTF-8 never re-decoded silently
/// (a warning with its line and column), binary content refused. Problems become an <see cref="InputException"/> whose
/// message names the input.</summary>
public static class TextFile
{
    /// <summary>Largest input read (<see cref="InputLimits.MaxInputBytes"/>): larger inputs are refused with a clear message.</summary>
    public const long MaxBytes = InputLimits.MaxInputBytes;

    /// <summary>Reads and decodes the file at <paramref name="path"/>; <paramref name="displayName"/> (default: the path) names it in messages.</summary>
    /// <exception cref="InputException">Missing, a directory, too large, unreadable or binary.</exception>
    public static string Read(string path, string? displayName = null) => Read(path, displayName, out _);

    /// <summary>As <see cref="Read(string, string?)"/>; <paramref name="warning"/> is the encoding warning
    /// (<c>LINE:COLUMN: warning SC…: …</c>, to be prefixed with the input's name) or null.</summary>
    public static string Read(string path, string? displayName, out string? warning)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = displayName ?? path;
        return CheckText(Decode(ReadBytes(path, name), out warning), name);
    }

    /// <summary>The bytes of the file at <paramref name="path"/>, read with the checks and limits of
    /// <see cref="Read(string, string?, out string?)"/> (not yet decoded nor checked for binary content).</summary>
    /// <exception cref="InputException">Missing, a directory, too large or unreadable.</exception>
    internal static byte[] ReadBytes(string path, string name)
    {
        if (Directory.Exists(path))
        {
            throw InputException.At(DiagnosticCodes.InputIsDirectory, name, "is a directory (give a file)");
        }

        if (!File.Exists(path))
        {
            throw InputException.At(DiagnosticCodes.InputNotFound, name, "no such file");
        }

        try
        {
            // Bounded read: the length of a device or FIFO is not trusted (/dev/zero stops at the limit).
            return InputLimits.ReadAllBytes(path, MaxBytes);
        }
        catch (InputTooLargeException)
        {
            throw InputException.At(DiagnosticCodes.InputTooLarge, name, $"file larger than {MaxBytes / (1024 * 1024)} MiB (the input limit)");
        }
        catch (UnauthorizedAccessException)
        {
            throw InputException.At(DiagnosticCodes.InputUnreadable, name, "cannot read: permission denied");
        }
        catch (IOException)
        {
            throw InputException.At(DiagnosticCodes.InputUnreadable, name, "cannot read the file");
        }
    }

    /// <summary>Whether <paramref name="bytes"/> (after a UTF-8 byte order mark) are valid UTF-8 without NUL or
    /// other counted control characters: text <see cref="Decode(byte[], out string?)"/> reads as it is, with no
    /// warning, and <see cref="CheckText"/> accepts; <paramref name="start"/> is where the text begins.</summary>
    internal static bool IsCleanUtf8(byte[] bytes, out int start)
    {
        start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var span = bytes.AsSpan(start);
        bool utf16Bom = bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));
        return !utf16Bom && span.IndexOfAny(BinaryBytes) < 0 && System.Text.Unicode.Utf8.IsValid(span);
    }

    /// <summary><see cref="BinaryMarkChars"/> as UTF-8 bytes (each is one byte below 0x80).</summary>
    private static readonly System.Buffers.SearchValues<byte> BinaryBytes = System.Buffers.SearchValues.Create(
        BinaryMarkChars.Select(c => (byte)c).ToArray());

    /// <summary>UTF-8 (with or without BOM), UTF-16 with BOM. Invalid UTF-8 is never re-decoded silently: a file
    /// with no valid multi-byte UTF-8 sequence at all is read as Windows-1252 and one with some is read as UTF-8 with
    /// U+FFFD for the bad bytes; either way <paramref name="warning"/> says so with the line and column of the first bad byte.</summary>
    public static string Decode(byte[] bytes, out string? warning)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        warning = null;
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return TextNormalizer.ReplaceLoneSurrogates(Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2));
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return TextNormalizer.ReplaceLoneSurrogates(Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2));
        }

        int offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var span = bytes.AsSpan(offset);
        int bad = FirstInvalidUtf8(span, out bool anyMultiByte);
        if (bad < 0)
        {
            return Encoding.UTF8.GetString(span);
        }

        int line = 1, column = 1;
        for (int i = 0; i < bad; i++)
        {
            if (span[i] == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((span[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        if (!anyMultiByte)
        {
            warning = $"{line}:{column}: warning {DiagnosticCodes.InvalidEncoding}: not valid UTF-8 (byte 0x{span[bad]:X2}) and no UTF-8 sequence anywhere; read as Windows-1252";
            return Windows1252(span);
        }

        warning = $"{line}:{column}: warning {DiagnosticCodes.InvalidEncoding}: invalid UTF-8 (byte 0x{span[bad]:X2}); invalid bytes replaced with U+FFFD";
        return Encoding.UTF8.GetString(span);
    }

    /// <summary>Decoding without a warning channel (for callers that only need the text).</summary>
    public static string Decode(byte[] bytes) => Decode(bytes, out _);

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes, out bool anyMultiByte)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            // the common case, checked vectorised (a 5 MB file: a few milliseconds instead of a rune at a time)
            anyMultiByte = !System.Text.Ascii.IsValid(bytes);
            return -1;
        }

        anyMultiByte = false;
        int first = -1;
        int i = 0;
        while (i < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[i..], out var rune, out int consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                if (first < 0)
                {
                    first = i;
                }

                i += Math.Max(1, consumed);
                continue;
            }

            if (consumed > 1)
            {
                anyMultiByte = true;
                if (first >= 0)
                {
                    return first;
                }
            }

            i += consumed;
        }

        return first;
    }

    private static string Windows1252(ReadOnlySpan<byte> bytes)
    {
        // 0x80-0x9F differ from Latin-1; the rest is identical.
        ReadOnlySpan<char> high = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";
        var chars = new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            chars[i] = b is >= 0x80 and <= 0x9F ? high[b - 0x80] : (char)b;
        }

        return new string(chars);
    }

    /// <summary>Refuses binary input: a NUL anywhere, or a high share of control characters in the whole text
    /// (not only a first sample: binary appended after a text header is refused too).</summary>
    public static string CheckText(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        int sample = text.Length;
        int control = 0;
        // vectorised: only the stretch from the first NUL or counted control character on is looked at one by one
        int from = text.AsSpan().IndexOfAny(BinaryMarks);
        for (int i = from < 0 ? sample : from; i < sample; i++)
        {
            char c = text[i];
            if (c == '\0')
            {
                var (line, column) = LineColumn(text, i);
                throw InputException.At(DiagnosticCodes.BinaryInput, name, $"input looks binary (a NUL character, offset {i}); expected text", line, column);
            }

            if (c < ' ' && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                control++;
            }
        }

        if (sample > 0 && control > sample / 10)
        {
            int first = text.AsSpan().IndexOfAnyInRange('\u0001', '\u001f');
            while (first >= 0 && text[first] is '\n' or '\r' or '\t' or '\f')
            {
                int next = text.AsSpan(first + 1).IndexOfAnyInRange('\u0001', '\u001f');
                first = next < 0 ? -1 : first + 1 + next;
            }

            var (line, column) = LineColumn(text, Math.Max(0, first));
            throw InputException.At(DiagnosticCodes.BinaryInput, name, $"input looks binary ({control:N0} control characters in {sample:N0}, the first here); expected text", line, column);
        }

        return text;
    }

    /// <summary>NUL and the control characters <see cref="CheckText"/> counts (all below U+0020 but tab, line feed,
    /// form feed and carriage return) — the one list; the byte form for undecoded files is derived from it.</summary>
    private const string BinaryMarkChars =
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\u000B\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F";

    private static readonly System.Buffers.SearchValues<char> BinaryMarks = System.Buffers.SearchValues.Create(BinaryMarkChars);

    /// <summary>1-based line and column of <paramref name="offset"/> in <paramref name="text"/>.</summary>
    private static (int Line, int Column) LineColumn(string text, int offset)
    {
        var before = text.AsSpan(0, Math.Min(offset, text.Length));
        int line = before.Count('\n') + 1;
        int lastNewline = before.LastIndexOf('\n');
        return (line, offset - lastNewline);
    }
}
