using System.Text;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Formatting;
using SourceCheck.References;
using SourceCheck.References.BibTex;
using SourceCheck.References.Ris;
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
public static partial class Bibliography
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

    /// <summary>Reads references from a file as <see cref="ParseFile(string, InputFormat)"/> does, naming it
    /// <paramref name="displayName"/> in messages (and detecting the format by that name); CSL-JSON in clean UTF-8 is
    /// parsed from the file's bytes. <paramref name="encodingWarning"/> is the encoding warning
    /// (<c>LINE:COLUMN: warning SC…: …</c>, to be prefixed with the name) or null.</summary>
    /// <exception cref="InputException">The file is missing, a directory, binary or too large.</exception>
    public static ReferenceReadResult ParseFile(string path, string displayName, out string? encodingWarning)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(displayName);
        return ReferenceReader.ReadFile(path, displayName, out encodingWarning);
    }

    /// <summary>Which format <see cref="Parse(string, InputFormat, string?)"/> with <see cref="InputFormat.Auto"/> reads
    /// <paramref name="text"/> as: by the extension of <paramref name="fileName"/> when it has a known one, else by content.</summary>
    public static FormatDetection Detect(string text, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var format = ReferenceReader.Detect(text, fileName);
        return ReferenceReader.Detect(string.Empty, fileName) == InputFormat.Text
            ? new FormatDetection(format, ReferenceReader.Sniff(text).Reason)
            : new FormatDetection(format, null);
    }

    /// <summary>Reads references (<see cref="ConvertOptions.From"/>), merges duplicates (same DOI, or same title, year and
    /// first author) unless told not to, and writes them as CSL-JSON, CSL-YAML, BibTeX or RIS — what
    /// <c>sourcecheck parse</c> prints. Bad input never throws: the result carries positioned diagnostics.</summary>
    public static ConvertedReferences Convert(string text, ConvertOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new ConvertOptions();
        var result = ReferenceReader.Read(text, options.From, options.Source);
        var diagnostics = new List<Diagnostic>(result.Diagnostics);
        var items = result.Items;
        if (options.Deduplicate && items.Count > 1)
        {
            var dedup = Deduplicator.Merge(items);
            items = dedup.Items;
            diagnostics.AddRange(dedup.Diagnostics);
        }

        return new ConvertedReferences(items, Write(items, options.To, diagnostics), diagnostics);
    }

    /// <summary>Writes <paramref name="items"/> as CSL-JSON, CSL-YAML, BibTeX or RIS; the diagnostics say what the
    /// format cannot hold.</summary>
    public static ConvertedReferences Write(IReadOnlyList<CslItem> items, ReferenceOutputFormat to)
    {
        ArgumentNullException.ThrowIfNull(items);
        var diagnostics = new List<Diagnostic>();
        return new ConvertedReferences(items, Write(items, to, diagnostics), diagnostics);
    }

    private static string Write(IReadOnlyList<CslItem> items, ReferenceOutputFormat to, List<Diagnostic> diagnostics)
    {
        return to switch
        {
            ReferenceOutputFormat.Yaml => CslYaml.Serialize(items),
            ReferenceOutputFormat.BibTex => BibTexWriter.Write(items, diagnostics),
            ReferenceOutputFormat.Ris => RisWriter.Write(items, diagnostics),
            _ => CslJson.Serialize(items),
        };
    }

    /// <summary>Each line of <paramref name="text"/> is one reference: parses each on its own and writes JSON Lines in
    /// input order (<c>{}</c> for an empty or overlong line) — <c>sourcecheck parse --one-per-line</c>.</summary>
    /// <param name="text">One reference per line.</param>
    /// <param name="source">Names the input in diagnostics.</param>
    public static ConvertedReferences ConvertLines(string text, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        string name = source ?? "<input>";
        var sb = new StringBuilder();
        var diagnostics = new List<Diagnostic>();
        var sourceText = new SourceText(text, name);
        string normalised = text.EndsWith('\n') ? text[..^1] : text;
        int offset = 0;
        int lineNo = 0;
        var items = new List<CslItem?>();
        foreach (var raw in normalised.Split('\n'))
        {
            lineNo++;
            string line = raw.TrimEnd('\r');
            int start = offset;
            offset += raw.Length + 1;
            string trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                items.Add(null);
                continue;
            }

            if (trimmed.Length > ReferenceReader.MaxEntryLength)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InputTooLarge, Severity.Error, sourceText.Span(start, start + line.Length),
                    $"line {lineNo} is {trimmed.Length:N0} characters long (limit {ReferenceReader.MaxEntryLength:N0}); not a reference", source));
                items.Add(null);
                continue;
            }

            int lead = line.Length - line.TrimStart().Length;
            var entry = new ReferenceEntry(trimmed, sourceText.Span(start + lead, start + lead + trimmed.Length));
            var parsed = ReferenceReader.ParseOne(entry, lineNo, diagnostics, source);
            items.Add(parsed.Item.Count == 0 ? null : parsed.Item);
        }

        var found = items.OfType<CslItem>().ToList();
        ReferenceIds.Assign(found);
        foreach (var item in items)
        {
            sb.Append(CslJson.SerializeLine(item)).Append('\n');
        }

        return new ConvertedReferences(found, sb.ToString(), diagnostics);
    }

    /// <summary>Finds the reference entries of a plain-text or HTML bibliography (each line when no bibliography block
    /// is found) and gives each token of each entry with the parser's field label and confidence —
    /// <c>sourcecheck parse --explain</c>.</summary>
    /// <param name="text">The input.</param>
    /// <param name="format"><see cref="InputFormat.Text"/> or <see cref="InputFormat.Html"/>.</param>
    /// <param name="source">Names the input in diagnostics.</param>
    /// <exception cref="ArgumentException"><paramref name="format"/> is neither text nor HTML.</exception>
    public static ExplainedReferences Explain(string text, InputFormat format, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (format is not (InputFormat.Text or InputFormat.Html))
        {
            throw new ArgumentException("explaining works on reference text (plain text or HTML), not on " + format, nameof(format));
        }

        var diagnostics = new List<Diagnostic>();
        string guarded = ReferenceReader.BlankOverlongLines(text, diagnostics, source);
        var blocks = format == InputFormat.Html ? HtmlBibliographyDetector.Detect(guarded) : BibliographyDetector.Detect(guarded);
        var entries = blocks.SelectMany(b => b.Entries).ToList();
        if (entries.Count == 0)
        {
            entries.AddRange(BibliographyDetector.Lines(guarded));
        }

        var explained = new List<ExplainedEntry>(entries.Count);
        int n = 0;
        foreach (var entry in entries)
        {
            n++;
            if (entry.Text.Length > ReferenceReader.MaxEntryLength)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InputTooLarge, Severity.Error, entry.Span,
                    $"entry {n} is {entry.Text.Length:N0} characters long; not explained", source));
                continue;
            }

            explained.Add(new ExplainedEntry(n, entry.Span.Line, ReferenceParser.Explain(entry.Text)));
        }

        return new ExplainedReferences(entries.Count, explained, diagnostics);
    }

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

/// <summary>How <see cref="Bibliography.Convert"/> reads and writes references.</summary>
public sealed record ConvertOptions
{
    /// <summary>Input format (<see cref="InputFormat.Auto"/>: by <see cref="Source"/>'s extension, then by content).</summary>
    public InputFormat From { get; init; } = InputFormat.Auto;

    /// <summary>Output format.</summary>
    public ReferenceOutputFormat To { get; init; } = ReferenceOutputFormat.CslJson;

    /// <summary>Merge duplicate references (same DOI, or same title, year and first author).</summary>
    public bool Deduplicate { get; init; } = true;

    /// <summary>Names the input in diagnostics (its file name; also used to detect the format).</summary>
    public string? Source { get; init; }
}

/// <summary>References read and written by <see cref="Bibliography.Convert"/> or <see cref="Bibliography.ConvertLines"/>.</summary>
/// <param name="Items">The references read (after merging duplicates).</param>
/// <param name="Text">The references written in the output format.</param>
/// <param name="Diagnostics">Positioned problems of reading, merging and writing.</param>
public sealed record ConvertedReferences(IReadOnlyList<CslItem> Items, string Text, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when a diagnostic is an error (some input could not be read).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>The format <see cref="Bibliography.Detect"/> found.</summary>
/// <param name="Format">The format the input is read as.</param>
/// <param name="ContentReason">Why, when decided by content rather than by a file extension (null: by extension).</param>
public sealed record FormatDetection(InputFormat Format, string? ContentReason);

/// <summary>The entries of a bibliography with each token's label (<see cref="Bibliography.Explain"/>).</summary>
/// <param name="EntryCount">Entries found, including those too long to explain.</param>
/// <param name="Entries">The entries explained.</param>
/// <param name="Diagnostics">Overlong lines and entries.</param>
public sealed record ExplainedReferences(int EntryCount, IReadOnlyList<ExplainedEntry> Entries, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when a diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>One explained entry.</summary>
/// <param name="Number">1-based number of the entry in the input.</param>
/// <param name="Line">Line where it starts.</param>
/// <param name="Tokens">Its tokens with label and confidence.</param>
public sealed record ExplainedEntry(int Number, int Line, IReadOnlyList<TokenTag> Tokens);

/// <summary>A CSL style found, compiled and given its locale once, ready to format any number of reference lists
/// (what <c>sourcecheck format</c> loads from <c>--style</c>, <c>--locale</c> and <c>--locales</c>).</summary>
/// <example>
/// <code>
/// var style = BibliographyStyle.Load("apa", "en-US");
/// Console.Write(style.Format(Bibliography.Parse(text).Items).Text);
/// </code>
/// </example>
public sealed class BibliographyStyle
{
    private readonly LoadedStyle _loaded;

    private BibliographyStyle(LoadedStyle loaded) => _loaded = loaded;

    /// <summary>Where the style came from (file path or built-in name).</summary>
    public string Source => _loaded.Source;

    /// <summary>Warnings and notes from compiling the style (errors make <see cref="Load"/> throw).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _loaded.Diagnostics;

    /// <summary>Finds and compiles a style.</summary>
    /// <param name="style">apa, mla, chicago, ieee, harvard, din, a name in the user styles folder, a .csl file, or the
    /// file name, title or id of an installed official style.</param>
    /// <param name="locale">An installed locale tag (null: the style's default locale).</param>
    /// <param name="styles">Where styles and locales are looked up (null: from the process environment).</param>
    /// <param name="localesFolder">A folder of <c>locales-xx-XX.xml</c> files used instead of the installed locales.</param>
    /// <exception cref="DiagnosticException">The style or the locale is not found (SC3010 / SC3011), or the style has
    /// errors (each positioned, its source set).</exception>
    public static BibliographyStyle Load(string style = "apa", string? locale = null, StyleCatalog? styles = null, string? localesFolder = null)
    {
        ArgumentNullException.ThrowIfNull(style);
        var catalog = styles ?? new StyleCatalog();
        string? tag = catalog.ResolveLocale(locale, localesFolder);
        var (loaded, diagnostics) = StyleLoader.Load(catalog, style, tag, localesFolder is null ? null : StyleCatalog.FolderLocales(localesFolder));
        if (loaded is null)
        {
            if (diagnostics.Any(d => d.Code == DiagnosticCodes.CslStyleNotFound))
            {
                throw new DiagnosticException([new Diagnostic(DiagnosticCodes.CslStyleNotFound, Severity.Error, default, "style " + catalog.NotFoundMessage(style))]);
            }

            string source = catalog.FindStyle(style)?.Source ?? style;
            throw new DiagnosticException([.. diagnostics.Select(d => d.Source is null ? d with { Source = source } : d)]);
        }

        return new BibliographyStyle(loaded);
    }

    /// <summary>Renders in-text citations and (when <paramref name="bibliography"/>) the bibliography of
    /// <paramref name="items"/> as one document in <paramref name="format"/> (RTF: a complete <c>{\rtf1 …}</c> document).</summary>
    /// <param name="items">The references.</param>
    /// <param name="citations">Each citation as the ids of the items it cites (null: none).</param>
    /// <param name="format">Output flavour.</param>
    /// <param name="bibliography">Whether to render the bibliography.</param>
    public FormattedReferences Format(IReadOnlyList<CslItem> items, IReadOnlyList<IReadOnlyList<string>>? citations = null, OutputFormat format = OutputFormat.Text, bool bibliography = true)
    {
        ArgumentNullException.ThrowIfNull(items);
        var cites = (citations ?? []).Select(ids => new Citation([.. ids.Select(id => new CiteItem(id))])).ToList();
        return Bibliography.Render(_loaded, items, cites, format, bibliography);
    }
}

/// <summary>Formatted citations and bibliography as one string, with the processor's warnings.</summary>
/// <param name="Text">The document.</param>
/// <param name="Warnings">What the processor warned about (missing fields, a style without bibliography, …).</param>
public sealed record FormattedReferences(string Text, IReadOnlyList<Diagnostic> Warnings);

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
