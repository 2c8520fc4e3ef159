using System.Text.RegularExpressions;
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
    /// <summary>True when a diagnostic is an error (some input could not be read).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>Facade: detects the input format and reads references from CSL-JSON, CSL-YAML, BibTeX, RIS,
/// HTML or plain text (bibliography blocks found and parsed).</summary>
internal static class ReferenceReader
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

        return Sniff(text).Format;
    }

    /// <summary>What the content looks like, with the reason (for a note on stderr and <c>--explain</c>). A
    /// reference list is never taken for structured data: "[1] Alvarez, J. …" and "[BAD10] …" are text, JSON
    /// must open with <c>[</c> followed by <c>{</c>/<c>]</c> or with <c>{"</c>, BibTeX needs an <c>@type{</c>
    /// entry at a line start, RIS a <c>TY  - </c> line, YAML a CSL-YAML key.</summary>
    public static (InputFormat Format, string Reason) Sniff(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ReadOnlySpan<char> head = text.AsSpan().TrimStart();
        if (head.Length > 0 && head[0] == '\uFEFF')
        {
            head = head[1..].TrimStart();
        }

        if (head.Length == 0)
        {
            return (InputFormat.Text, "empty input");
        }

        if (head[0] == '[')
        {
            var rest = head[1..].TrimStart();
            if (rest.Length == 0 || rest[0] is '{' or ']')
            {
                return (InputFormat.CslJson, "starts with a JSON array of objects");
            }
        }
        else if (head[0] == '{')
        {
            var rest = head[1..].TrimStart();
            if (rest.Length == 0 || rest[0] is '"' or '}')
            {
                return (InputFormat.CslJson, "starts with a JSON object");
            }
        }

        if (head.StartsWith("---", StringComparison.Ordinal) && YamlKey.IsMatch(text)
            || head.StartsWith("references:", StringComparison.Ordinal) || head.StartsWith("- id:", StringComparison.Ordinal))
        {
            return (InputFormat.Yaml, "CSL-YAML keys ('references:', '- id:')");
        }

        if ((head[0] == '@' || head[0] == '%') && BibTexEntryStart.IsMatch(text))
        {
            return (InputFormat.BibTex, "a BibTeX entry (@type{key,) at a line start");
        }

        if (RisTypeLine.IsMatch(text) && (head.Length >= 6 && char.IsAsciiLetterUpper(head[0]) && char.IsAsciiLetterUpper(head[1]) && head[2..6].SequenceEqual("  - ")))
        {
            return (InputFormat.Ris, "RIS tag lines ('TY  - ')");
        }

        if (head[0] == '<' && (head.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("</", StringComparison.Ordinal)))
        {
            return (InputFormat.Html, "HTML markup");
        }

        return (InputFormat.Text, "plain text (a reference list or an article with one)");
    }

    private static readonly Regex YamlKey = RegexPolicy.Create(@"^\s*(references:|-\s+id:|id:)", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex BibTexEntryStart = RegexPolicy.Create(@"^[ \t]*@[A-Za-z]+[ \t]*[{(]", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex RisTypeLine = RegexPolicy.Create(@"^[ \t]*TY  - ", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>Reads references from the file at <paramref name="path"/> (named <paramref name="displayName"/> in
    /// messages and used to detect the format), as <see cref="TextFile.Read(string, string?, out string?)"/> and then
    /// <see cref="Read(string, InputFormat, string?)"/> would, with the same result; CSL-JSON in clean UTF-8 is parsed
    /// from the file's bytes, without a UTF-16 copy (<c>format</c> of a large file). <paramref name="warning"/> is
    /// the encoding warning, as <see cref="TextFile.Read(string, string?, out string?)"/> gives it.</summary>
    /// <exception cref="InputException">The file is missing, a directory, unreadable, too large or binary.</exception>
    public static ReferenceReadResult ReadFile(string path, string displayName, out string? warning)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(displayName);
        byte[] bytes = TextFile.ReadBytes(path, displayName);
        if (TextFile.IsCleanUtf8(bytes, out int start) && IsJsonHead(bytes.AsSpan(start), displayName))
        {
            warning = null;
            var r = CslJson.ParseUtf8(bytes.AsMemory(start), displayName);
            return new ReferenceReadResult(InputFormat.CslJson, r.Value ?? [], r.Diagnostics);
        }

        string text = TextFile.CheckText(TextFile.Decode(bytes, out warning), displayName);
        return Read(text, InputFormat.Auto, displayName);
    }

    /// <summary>Whether <see cref="Detect"/> takes UTF-8 text starting with <paramref name="utf8"/> for CSL-JSON,
    /// decided on its first 4 KB when they decide it (the name's extension, or a JSON opening with its next character).</summary>
    private static bool IsJsonHead(ReadOnlySpan<byte> utf8, string fileName)
    {
        int cut = Math.Min(utf8.Length, 4096);
        while (cut < utf8.Length && cut > 0 && (utf8[cut] & 0xC0) == 0x80)
        {
            cut--; // not inside a multi-byte character
        }

        string head = System.Text.Encoding.UTF8.GetString(utf8[..cut]);
        if (Detect(head, fileName) != InputFormat.CslJson)
        {
            return false;
        }

        // the whole text, or a head that shows the character after the opening bracket (Sniff looks no further)
        var trimmed = head.AsSpan().TrimStart().TrimStart('\uFEFF').TrimStart();
        return cut == utf8.Length || (trimmed.Length > 1 && trimmed[1..].TrimStart().Length > 0)
            || Path.GetExtension(fileName).ToLowerInvariant() is ".json" or ".csljson";
    }

    public static ReferenceReadResult Read(string text, InputFormat format = InputFormat.Auto, string? source = null)
    {
        text = TextNormalizer.ReplaceLoneSurrogates(text);
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

            case InputFormat.BibTex:
            {
                var r = BibTex.BibTexReader.Read(text, source);
                return new ReferenceReadResult(format, r.Value ?? [], r.Diagnostics);
            }

            case InputFormat.Ris:
            {
                var r = Ris.RisReader.Read(text, source);
                return new ReferenceReadResult(format, r.Value ?? [], r.Diagnostics);
            }

            case InputFormat.Html:
            {
                var guard = new List<Diagnostic>();
                var blocks = HtmlBibliographyDetector.Detect(BlankOverlongLines(text, guard, source));
                return Merge(FromBlocks(format, blocks, source), guard);
            }

            default:
            {
                var guard = new List<Diagnostic>();
                var blocks = BibliographyDetector.Detect(BlankOverlongLines(text, guard, source));
                return Merge(FromBlocks(InputFormat.Text, blocks, source), guard);
            }
        }
    }

    /// <summary>Lines longer than this are not read as text (a reference is a few hundred characters).</summary>
    public const int MaxLineLength = 4_000_000;

    /// <summary>Entries longer than this are not given to the reference parser.</summary>
    public const int MaxEntryLength = 10_000;

    private static ReferenceReadResult Merge(ReferenceReadResult result, List<Diagnostic> guard) =>
        guard.Count == 0 ? result : result with { Diagnostics = [.. guard, .. result.Diagnostics] };

    /// <summary>Replaces overlong lines by spaces (offsets stay valid) and reports each one.</summary>
    public static string BlankOverlongLines(string text, List<Diagnostic> diagnostics, string? source)
    {
        if (text.Length <= MaxLineLength)
        {
            return text;
        }

        char[]? copy = null;
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n')
            {
                continue;
            }

            if (i - start > MaxLineLength)
            {
                copy ??= text.ToCharArray();
                Array.Fill(copy, ' ', start, i - start);
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InputTooLarge, Severity.Error, new TextSpan(start, i - start, line, 1),
                    $"line {line} is {i - start:N0} characters long (limit {MaxLineLength:N0}); it is not read as text", source));
            }

            line++;
            start = i + 1;
        }

        return copy is null ? text : new string(copy);
    }

    /// <summary>Parses every entry of the blocks (numbered 1… across blocks) and gives the items stable ids
    /// ("wile2025", "wile2025a", or "ref-N"). Parser diagnostics keep their position and name the entry.</summary>
    public static ReferenceReadResult FromBlocks(InputFormat format, IReadOnlyList<BibliographyBlock> blocks, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var diagnostics = new List<Diagnostic>();
        if (blocks.Count == 0 || blocks.All(b => b.Entries.IsDefaultOrEmpty))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.NoBibliographyFound, Severity.Error, TextSpan.Empty,
                "no bibliography found: no heading such as 'References', 'Bibliography' or 'Quellen', and the text does not read as a list of references",
                source));
            return new ReferenceReadResult(format, [], diagnostics);
        }

        // notes that only point back ("Ibid.", "Ebd.", "a.a.O.") give no reference of their own: left out, with an info
        var backs = blocks.SelectMany(b => BibliographyDetector.BackReferences(b.Entries)).ToList();
        var notes = backs.Select(x => x.Note).ToHashSet(ReferenceEqualityComparer.Instance);
        var items = ParseEntries(blocks.SelectMany(b => b.Entries).Where(e => !notes.Contains(e)), diagnostics, source);
        foreach (var back in backs)
        {
            string to = back.RefersTo is { } r ? $"'{Shorten(r.Text)}'" : "an earlier note that is not in the list";
            diagnostics.Add(new Diagnostic(DiagnosticCodes.BackReferenceNote, Severity.Info, back.Note.Span,
                $"'{Shorten(back.Note.Text)}' points back to {to}: not a reference of its own, left out", source));
        }

        return new ReferenceReadResult(format, items, diagnostics);
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : string.Concat(s.AsSpan(0, 57), "…");

    /// <summary>Parses entries with <see cref="ReferenceParser.Parse"/>; ids assigned as in <see cref="FromBlocks"/>.</summary>
    public static IReadOnlyList<CslItem> ParseEntries(IEnumerable<ReferenceEntry> entries, List<Diagnostic> diagnostics, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var items = new List<CslItem>();
        int n = 0;
        foreach (var entry in entries)
        {
            n++;
            var parsed = ParseOne(entry, n, diagnostics, source);
            items.Add(parsed.Item);
        }

        ReferenceIds.Assign(items);
        return items;
    }

    /// <summary>Parses one entry; diagnostics are named "entry N" and positioned at the entry when the parser gave
    /// no position. Never throws for bad input.</summary>
    public static ParsedReference ParseOne(ReferenceEntry entry, int number, List<Diagnostic> diagnostics, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (entry.Text.Length > MaxEntryLength)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.UnparsedReference, Severity.Error, entry.Span,
                $"entry {number} is {entry.Text.Length:N0} characters long (limit {MaxEntryLength:N0}); not parsed as a reference", source));
            return new ParsedReference(entry.Text, new CslItem($"ref-{number}", "document"), [], []);
        }

        ParsedReference parsed;
        try
        {
            parsed = ReferenceParser.Parse(entry.Text, $"ref-{number}", entry.Span);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException or RegexMatchTimeoutException)
        {
            // The parser must not throw on bad input; if it does, the entry is reported, not the whole run lost.
            diagnostics.Add(new Diagnostic(DiagnosticCodes.UnparsedReference, Severity.Error, entry.Span,
                $"entry {number}: the reference parser failed ({ex.GetType().Name}: {ex.Message})", source));
            return new ParsedReference(entry.Text, new CslItem($"ref-{number}", "document"), [], []);
        }

        EntryLinks.Apply(parsed.Item, entry.Links);
        foreach (var d in parsed.Diagnostics)
        {
            var span = d.Span.IsEmpty ? entry.Span : d.Span;
            diagnostics.Add(d with { Span = span, Message = $"entry {number}: {d.Message}", Source = d.Source ?? source });
        }

        return parsed;
    }
}
