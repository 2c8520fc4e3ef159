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
}
