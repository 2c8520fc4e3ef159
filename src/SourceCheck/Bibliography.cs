using System.Text;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Formatting;
using SourceCheck.References;
using SourceCheck.Text;

namespace SourceCheck;

/// <summary>Front door for references: read them from any supported input (pasted bibliography text, HTML,
/// BibTeX, RIS, CSL-JSON, CSL-YAML) and format them in a CSL style.</summary>
/// <example>
/// <code>
/// var refs = Bibliography.Parse(pastedText);
/// Console.Write(Bibliography.Format(refs.Items, style: "apa", locale: "en-US"));
/// </code>
/// </example>
public static class Bibliography
{
    /// <summary>Reads references from text; <paramref name="from"/> Auto detects the format.
    /// Bad input never throws: the result carries positioned diagnostics.</summary>
    public static ReferenceReadResult Parse(string text, InputFormat from = InputFormat.Auto, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ReferenceReader.Read(text, from, source);
    }

    /// <summary>Reads references from a file (the file name helps detect the format).</summary>
    /// <exception cref="InputException">The file is missing, a directory, binary or too large.</exception>
    public static ReferenceReadResult ParseFile(string path, InputFormat from = InputFormat.Auto) =>
        ReferenceReader.Read(TextFile.Read(path), from, path);

    /// <summary>The bibliography of <paramref name="items"/> in a style (apa, mla, chicago, ieee, harvard, din, a name in
    /// the user styles folder, or a .csl file), one entry per line (HTML: one <c>div.csl-bib-body</c>).</summary>
    /// <exception cref="DiagnosticException">The style is not found or has errors.</exception>
    public static string Format(IReadOnlyList<CslItem> items, string style = "apa", string? locale = null, OutputFormat format = OutputFormat.Text)
    {
        ArgumentNullException.ThrowIfNull(items);
        var loaded = StyleLoading.Load(new StyleCatalog(), style, locale);
        return Render(loaded, items, [], format, bibliography: true).Text;
    }

    /// <summary>Renders citations and (when <paramref name="bibliography"/>) the bibliography as one document in
    /// <paramref name="format"/> (RTF: a complete <c>{\rtf1 …}</c> document) — what <c>sourcecheck format</c> prints.</summary>
    internal static FormattedReferences Render(LoadedStyle style, IReadOnlyList<CslItem> items, IReadOnlyList<Citation> citations, OutputFormat format, bool bibliography) =>
        Render(style, items, citations, format, bibliography, stageDone: null);

    /// <summary><see cref="Render(LoadedStyle, IReadOnlyList{CslItem}, IReadOnlyList{Citation}, OutputFormat, bool)"/>,
    /// calling <paramref name="stageDone"/> after each stage (the bench's timing split of <c>format</c>).</summary>
    internal static FormattedReferences Render(LoadedStyle style, IReadOnlyList<CslItem> items, IReadOnlyList<Citation> citations, OutputFormat format, bool bibliography,
        Action<string>? stageDone)
    {
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(citations);
        var processor = new CslProcessor(style.Style, style.Locale, items) { StageDone = stageDone };
        stageDone?.Invoke("registry");
        var result = processor.Process(citations, format, bibliography: bibliography);
        var warnings = result.Warnings.ToList();
        var sb = new StringBuilder();
        if (format == OutputFormat.Rtf)
        {
            sb.Append("{\\rtf1\\ansi\\deff0\n");
        }

        foreach (var c in result.Citations)
        {
            sb.Append(c).Append(format == OutputFormat.Rtf ? "\\par\n" : "\n");
        }

        if (bibliography && result.Citations.Count > 0)
        {
            sb.Append(format == OutputFormat.Rtf ? "\\par\n" : "\n");
        }

        if (bibliography)
        {
            if (style.Style.Bibliography is null)
            {
                warnings.Add(new Diagnostic(DiagnosticCodes.CslMissingElement, Severity.Warning, default, "the style has no bibliography", style.Source));
            }
            else if (format == OutputFormat.Html)
            {
                sb.Append(result.BibliographyText).Append('\n');
            }
            else
            {
                foreach (var e in result.Bibliography.Where(e => e.Length > 0))
                {
                    sb.Append(e).Append(format switch
                    {
                        OutputFormat.Rtf => "\\par\n",
                        OutputFormat.Markdown => "\n\n",
                        _ => "\n",
                    });
                }
            }
        }

        if (format == OutputFormat.Rtf)
        {
            sb.Append("}\n");
        }

        string text = format == OutputFormat.Markdown ? sb.ToString().TrimEnd('\n') + "\n" : sb.ToString();
        stageDone?.Invoke("document");
        return new FormattedReferences(text, warnings);
    }
}

/// <summary>Formatted citations and bibliography as one string, with the processor's warnings.</summary>
internal sealed record FormattedReferences(string Text, IReadOnlyList<Diagnostic> Warnings);

/// <summary>Loading a style for the front door: not found or erroneous styles throw one <see cref="DiagnosticException"/>.</summary>
internal static class StyleLoading
{
    /// <summary>Loads a style; with no <paramref name="localeProvider"/>, the locale tag is resolved against the
    /// installed locales first (an unknown one is an error, never a fallback to English).</summary>
    public static LoadedStyle Load(StyleCatalog catalog, string nameOrPath, string? locale, Func<string, string?>? localeProvider = null)
    {
        if (localeProvider is null)
        {
            locale = catalog.ResolveLocale(locale);
        }

        var (loaded, diagnostics) = StyleLoader.Load(catalog, nameOrPath, locale, localeProvider);
        if (loaded is null)
        {
            if (diagnostics.Any(d => d.Code == DiagnosticCodes.CslStyleNotFound))
            {
                diagnostics = [new Diagnostic(DiagnosticCodes.CslStyleNotFound, Severity.Error, default, "style " + catalog.NotFoundMessage(nameOrPath))];
            }

            throw new DiagnosticException(diagnostics);
        }

        return loaded;
    }
}
