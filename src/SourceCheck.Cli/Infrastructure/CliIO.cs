using System.Text;
using SourceCheck.Diagnostics;
using SourceCheck.References;
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

        try
        {
            string text = TextFile.Read(Path.GetFullPath(path, env.CurrentDirectory), path, out string? warning);
            if (warning is not null)
            {
                env.Error.WriteLine($"{path}:{warning}");
            }

            return (text, path);
        }
        catch (InputException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    /// <summary>References from FILE or standard input ('-'), as <see cref="ReadInput"/> and then
    /// <see cref="Bibliography.Parse"/> would read them; a file goes through <see cref="Bibliography.ParseFile(string, string, out string?)"/>
    /// (large CSL-JSON parsed from its bytes).</summary>
    public static (ReferenceReadResult Refs, string Name) ReadReferences(CliEnvironment env, string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "-")
        {
            var (text, name) = ReadInput(env, path);
            return (Bibliography.Parse(text, InputFormat.Auto, name), name);
        }

        try
        {
            var refs = Bibliography.ParseFile(Path.GetFullPath(path, env.CurrentDirectory), path, out string? warning);
            if (warning is not null)
            {
                env.Error.WriteLine($"{path}:{warning}");
            }

            return (refs, path);
        }
        catch (InputException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    /// <summary>Refuses binary input (see <see cref="TextFile.CheckText"/>).</summary>
    public static string CheckText(string text, string name)
    {
        try
        {
            return TextFile.CheckText(text, name);
        }
        catch (InputException ex)
        {
            throw new CliException(ex.Message);
        }
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
                throw CliException.At(DiagnosticCodes.OutputNotWritable, outputPath, "is a directory; -o needs a file name");
            case FileKind.SymbolicLink:
                throw CliException.At(DiagnosticCodes.OutputNotWritable, outputPath, "is a symbolic link; -o replaces only regular files (give the link's target)");
            default:
                throw CliException.At(DiagnosticCodes.OutputNotWritable, outputPath, "is a device, FIFO or socket; -o replaces only regular files (leave -o out to write to standard output)");
        }

        string dir = Path.GetDirectoryName(full) ?? env.CurrentDirectory;
        if (!Directory.Exists(dir))
        {
            throw CliException.At(DiagnosticCodes.OutputNotWritable, outputPath, $"cannot write: the folder {(Path.GetDirectoryName(outputPath) is { Length: > 0 } d ? d : dir)} does not exist");
        }

        string temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            File.WriteAllText(temp, content, new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
        }
        catch (UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw CliException.At(DiagnosticCodes.OutputNotWritable, outputPath, "cannot write: permission denied");
        }
        catch (IOException)
        {
            TryDelete(temp);
            throw CliException.At(DiagnosticCodes.OutputNotWritable, outputPath, "cannot write (disk full or the file is in use?)");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
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
