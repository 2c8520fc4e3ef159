using System.Text;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.Cli.Infrastructure;

/// <summary>Reading inputs (file or "-" for stdin, bounded size, binary detection) and writing outputs
/// (stdout, or -o FILE written to a temporary file and moved into place only when complete, so a failed
/// run never leaves a half-written file over good data).</summary>
public static class CliIO
{
    /// <summary>Largest input read (<see cref="InputLimits.MaxInputBytes"/>): larger inputs are refused with a clear message.</summary>
    public const long MaxInputBytes = InputLimits.MaxInputBytes;

    public static (string Text, string Name) ReadInput(CliEnvironment env, string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "-")
        {
            if (!env.InputRedirected)
            {
                throw new CliException("no input: give a FILE or pipe text into standard input ('-')", ExitCodes.Usage);
            }

            var buffer = new char[64 * 1024];
            var sb = new StringBuilder();
            int n;
            while ((n = env.In.Read(buffer, 0, buffer.Length)) > 0)
            {
                sb.Append(buffer, 0, n);
                if (sb.Length > MaxInputBytes)
                {
                    int line = 1, column = 1;
                    for (int k = 0; k < sb.Length; k++)
                    {
                        (line, column) = sb[k] == '\n' ? (line + 1, 1) : (line, column + 1);
                    }

                    throw new CliException($"<stdin>:{line}:{column}: error {DiagnosticCodes.InputTooLarge}: input larger than {MaxInputBytes / (1024 * 1024)} MiB (the input limit), passed on line {line}");
                }
            }

            return (CheckText(sb.ToString(), "<stdin>"), "<stdin>");
        }

        string full = Path.GetFullPath(path, env.CurrentDirectory);
        if (!File.Exists(full))
        {
            throw new CliException(Directory.Exists(full) ? $"{path}: is a folder, not a file" : $"{path}: no such file");
        }

        byte[] bytes;
        try
        {
            // Bounded read: the length of a device or FIFO is not trusted (/dev/zero stops at the limit).
            bytes = InputLimits.ReadAllBytes(full, MaxInputBytes);
        }
        catch (InputTooLargeException)
        {
            throw new CliException($"{path}:1:1: error {DiagnosticCodes.InputTooLarge}: file larger than {MaxInputBytes / (1024 * 1024)} MiB (the input limit)");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: cannot read: {ex.Message}");
        }

        string text = DecodeText(bytes, out string? warning);
        if (warning is not null)
        {
            env.Error.WriteLine($"{path}:{warning}");
        }

        return (CheckText(text, path), path);
    }

    /// <summary>UTF-8 (with or without BOM), UTF-16 with BOM. Invalid UTF-8 is never re-decoded silently: a file
    /// with no valid multi-byte UTF-8 sequence at all is read as Windows-1252 and one with some is read as UTF-8 with
    /// U+FFFD for the bad bytes; either way <paramref name="warning"/> says so with the line and column of the first bad byte.</summary>
    public static string DecodeText(byte[] bytes, out string? warning)
    {
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

    /// <summary>Decoding without a warning channel (kept for callers that only need the text).</summary>
    public static string DecodeText(byte[] bytes) => DecodeText(bytes, out _);

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes, out bool anyMultiByte)
    {
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
        int sample = text.Length;
        int control = 0;
        for (int i = 0; i < sample; i++)
        {
            char c = text[i];
            if (c == '\0')
            {
                throw new CliException($"{name}: {DiagnosticCodes.BinaryInput}: input looks binary (NUL byte at offset {i}); expected text");
            }

            if (c < ' ' && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                control++;
            }
        }

        if (sample > 0 && control > sample / 10)
        {
            throw new CliException($"{name}: {DiagnosticCodes.BinaryInput}: input looks binary ({control} control characters in {sample:N0}); expected text");
        }

        return text;
    }

    /// <summary>Writes to stdout, or to FILE atomically (temp file + move).</summary>
    public static void WriteOutput(CliEnvironment env, string? outputPath, string content)
    {
        if (string.IsNullOrEmpty(outputPath) || outputPath == "-")
        {
            env.Out.Write(content);
            env.Out.Flush();
            return;
        }

        string full = Path.GetFullPath(outputPath, env.CurrentDirectory);
        switch (InputLimits.KindOf(full))
        {
            case FileKind.Missing or FileKind.Regular:
                break;
            case FileKind.Directory:
                throw new CliException($"{outputPath}: is a folder; -o needs a file name");
            case FileKind.SymbolicLink:
                throw new CliException($"{outputPath}: is a symbolic link; -o replaces only regular files (give the link's target)");
            default:
                throw new CliException($"{outputPath}: is a device, FIFO or socket; -o replaces only regular files (leave -o out to write to standard output)");
        }

        string dir = Path.GetDirectoryName(full) ?? env.CurrentDirectory;
        string temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            File.WriteAllText(temp, content, new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new CliException($"{outputPath}: cannot write: {ex.Message}");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }

    public static void ReportDiagnostics(CliEnvironment env, IEnumerable<Diagnostic> diagnostics, string? source = null)
    {
        foreach (var d in diagnostics)
        {
            var shown = d.Source is null && source is not null ? d with { Source = source } : d;
            env.Error.WriteLine(shown.ToString());
        }
    }
}
