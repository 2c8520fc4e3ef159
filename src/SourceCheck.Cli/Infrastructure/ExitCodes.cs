namespace SourceCheck.Cli.Infrastructure;

/// <summary>Exit codes shared by every command (see DESIGN.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int Usage = 2;
    public const int InputError = 3;
}

/// <summary>Thrown inside a command for a problem the user must fix (bad input, unreadable file);
/// the shell prints the message (no stack trace) and exits with <see cref="ExitCode"/>.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.InputError) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>An input error positioned in <paramref name="source"/> (<c>SOURCE:1:1: error CODE: MESSAGE</c> for the whole input).</summary>
    public static CliException At(string code, string source, string message, int exitCode = ExitCodes.InputError) =>
        new(Diagnostics.Diagnostic.At(source, code, message), exitCode);

    /// <summary>A message of the form "NAME: text" (a store's, a file's) as an error positioned at NAME:1:1 with <paramref name="code"/>.</summary>
    public static string FileLevel(string code, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Contains(": error SC", StringComparison.Ordinal))
        {
            return message;
        }

        int colon = message.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 ? Diagnostics.Diagnostic.At(message[..colon], code, message[(colon + 2)..]) : Diagnostics.Diagnostic.At("input", code, message);
    }
}
