using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.References;

/// <summary>The result of reading references from any supported input.</summary>
public sealed record ReferenceReadResult(
    InputFormat Format,
    IReadOnlyList<CslItem> Items,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>Facade: detects the input format and reads references from CSL-JSON, CSL-YAML, BibTeX, RIS,
/// HTML or plain text (bibliography blocks found and parsed).</summary>
public static class ReferenceReader
{
    public static InputFormat Detect(string text, string? fileName = null)
    {
        string ext = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        switch (ext)
        {
            case ".json" or ".csljson":
                return InputFormat.CslJson;
            case ".yaml" or ".yml":
                return InputFormat.Yaml;
            case ".bib" or ".bibtex":
                return InputFormat.BibTex;
            case ".ris":
                return InputFormat.Ris;
            case ".html" or ".htm" or ".xhtml":
                return InputFormat.Html;
        }

        ReadOnlySpan<char> head = text.AsSpan().TrimStart();
        if (head.Length == 0)
        {
            return InputFormat.Text;
        }

        if (head[0] is '[' or '{')
        {
            return InputFormat.CslJson;
        }

        if (head.StartsWith("---", StringComparison.Ordinal) || head.StartsWith("references:", StringComparison.Ordinal)
            || head.StartsWith("- id:", StringComparison.Ordinal))
        {
            return InputFormat.Yaml;
        }

        if (head[0] == '@' || head.StartsWith("%"))
        {
            return InputFormat.BibTex;
        }

        if (head.Length >= 6 && char.IsAsciiLetterUpper(head[0]) && char.IsAsciiLetterUpper(head[1]) && head[2..6].SequenceEqual("  - "))
        {
            return InputFormat.Ris;
        }

        if (head[0] == '<' && (head.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("</", StringComparison.Ordinal)))
        {
            return InputFormat.Html;
        }

        return InputFormat.Text;
    }

    public static ReferenceReadResult Read(string text, InputFormat format = InputFormat.Auto, string? source = null)
    {
        if (format == InputFormat.Auto)
        {
            format = Detect(text, source);
        }

        switch (format)
        {
            case InputFormat.CslJson:
            {
                var r = CslJson.Parse(text, source);
                return new ReferenceReadResult(format, r.Value ?? [], r.Diagnostics);
            }

            case InputFormat.Yaml:
            {
                var r = CslYaml.Parse(text, source);
                return new ReferenceReadResult(format, r.Value ?? [], r.Diagnostics);
            }

            default:
                return new ReferenceReadResult(format, [], [new Diagnostic(DiagnosticCodes.UnparsedReference, Severity.Error, TextSpan.Empty,
                    $"reading {format} is not available yet", source)]);
        }
    }
}
