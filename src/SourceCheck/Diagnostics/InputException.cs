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

    /// <summary>An input error positioned in <paramref name="source"/> (<c>SOURCE:LINE:COLUMN: error CODE: MESSAGE</c>;
    /// 1:1 for a problem with the whole input).</summary>
    public static InputException At(string code, string source, string message, int line = 1, int column = 1) =>
        new(code, Diagnostic.At(source, code, message, line, column));

    /// <summary>The diagnostic code from <see cref="DiagnosticCodes"/>.</summary>
    public string Code { get; }
}
