using System.Text;
using SourceCheck.Diagnostics;

namespace SourceCheck.Cli.Infrastructure;

/// <summary>Reading inputs (file or "-" for stdin, bounded size, binary detection) and writing outputs
/// (stdout, or -o FILE written to a temporary file and moved into place only when complete, so a failed
/// run never leaves a half-written file over good data).</summary>
public static class CliIO
{
    /// <summary>Largest input read (256 MiB): larger inputs are refused with a clear message.</summary>
    public const long MaxInputBytes = 256L * 1024 * 1024;

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
                    throw new CliException($"<stdin>: input larger than {MaxInputBytes / (1024 * 1024)} MiB");
                }
            }

            return (CheckText(sb.ToString(), "<stdin>"), "<stdin>");
        }

        string full = Path.GetFullPath(path, env.CurrentDirectory);
        if (!File.Exists(full))
        {
            throw new CliException($"{path}: no such file");
        }

        var info = new FileInfo(full);
        if (info.Length > MaxInputBytes)
        {
            throw new CliException($"{path}: file larger than {MaxInputBytes / (1024 * 1024)} MiB");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: cannot read: {ex.Message}");
        }

        return (CheckText(DecodeText(bytes), path), path);
    }

    /// <summary>UTF-8 (with or without BOM), UTF-16 with BOM; invalid UTF-8 falls back to Windows-1252/Latin-1.</summary>
    public static string DecodeText(byte[] bytes)
    {
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
    public static string CheckText(string text, string name)
    {
        int sample = Math.Min(text.Length, 8192);
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
            throw new CliException($"{name}: {DiagnosticCodes.BinaryInput}: input looks binary ({control} control characters in the first {sample}); expected text");
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
