namespace SourceCheck.Diagnostics;

/// <summary>Thrown by the front door (<see cref="Bibliography"/>, <see cref="Checker"/>) when a job cannot start,
/// e.g. a style that is not found or does not compile; <see cref="Diagnostics"/> holds every positioned problem.</summary>
public sealed class DiagnosticException : Exception
{
    /// <summary>Creates the exception; the message is the first error's.</summary>
    public DiagnosticException(IReadOnlyList<Diagnostic> diagnostics)
        : base(FirstError(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>The problems found, errors and warnings, in the order they were found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string FirstError(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var first = diagnostics.FirstOrDefault(d => d.Severity == Severity.Error) ?? (diagnostics.Count > 0 ? diagnostics[0] : null);
        return first is null ? "the job could not start" : $"{first.Code}: {first.Message}";
    }
}
