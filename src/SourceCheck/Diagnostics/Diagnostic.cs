using SourceCheck.Text;

namespace SourceCheck.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum Severity
{
    /// <summary>For information; the input was read as intended.</summary>
    Info,

    /// <summary>Something was guessed or skipped; the result may be incomplete.</summary>
    Warning,

    /// <summary>The input (or part of it) could not be read.</summary>
    Error,
}

/// <summary>A problem found in an input, with a stable code (SCnnnn), a severity, where it is and a message.
/// Parsers collect these and keep going; they never throw on bad input.</summary>
public sealed record Diagnostic(string Code, Severity Severity, TextSpan Span, string Message, string? Source = null)
{
    /// <summary><c>SOURCE:LINE:COLUMN: severity CODE: message</c>, the form the CLI prints.</summary>
    public override string ToString()
    {
        string where = Source is null ? Span.ToString() : $"{Source}:{Span}";
        string sev = Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };
        return $"{where}: {sev} {Code}: {Message}";
    }

    /// <summary>An error message about a whole input (<c>SOURCE:1:1: error CODE: MESSAGE</c>) or at a line and column:
    /// the one shape of every exit-3 message.</summary>
    public static string At(string source, string code, string message, int line = 1, int column = 1) =>
        new Diagnostic(code, Severity.Error, new TextSpan(0, 0, Math.Max(1, line), Math.Max(1, column)), message, source).ToString();
}

/// <summary>A result that carries diagnostics alongside a value (NodaTime's ParseResult habit).</summary>
public sealed record ParseResult<T>(T? Value, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when there is a value and no diagnostic is an error.</summary>
    public bool Success => Value is not null && !Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>A result with a value and optional warnings.</summary>
    public static ParseResult<T> Ok(T value, IReadOnlyList<Diagnostic>? diagnostics = null) => new(value, diagnostics ?? []);

    /// <summary>A result with no value.</summary>
    public static ParseResult<T> Fail(IReadOnlyList<Diagnostic> diagnostics) => new(default, diagnostics);
}
