namespace SourceCheck.Diagnostics;

/// <summary>An input the caller must fix (missing file, a directory, binary or oversized content): the message
/// names the input and says what is wrong in words a user understands, with no runtime internals.</summary>
public sealed class InputException : Exception
{
    /// <summary>Creates the exception with a catalogue code and a complete, user-facing message.</summary>
    public InputException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>The diagnostic code from <see cref="DiagnosticCodes"/>.</summary>
    public string Code { get; }
}
