using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SourceCheck.Text;

namespace SourceCheck.References;

/// <summary>Finds bibliography blocks in plain text and splits them into entries.
/// <para>A block starts at a heading ("Bibliography", "References", "Quellen", "Einzelnachweise", …) that stands
/// on its own line, opens a line followed by a colon, or follows prose on the same line ("… beeinflussen.
/// Bibliography: - A … - B …"). Entries are then read line by line: numbered ("1.", "[1]", "(1)") and bulleted
/// lines start entries, wrapped lines and URLs on their own line continue them, blank-line separated paragraphs
/// are one entry each, and inline lists ("- A - B", "• A • B") are split where the next part looks like the
/// start of a reference. The block ends at the first line that neither continues an entry nor looks like a
/// reference; page boilerplate glued to the last entry ("Common Dreams.Lernen Sie …") is cut off.</para>
/// <para>Expected output conventions (shared/refparse README, "Blocks format"): heading and bullet markers are
/// dropped, numeric labels are kept, wrapped lines are joined with one space.</para></summary>
internal static partial class BibliographyDetector
{
    /// <summary>Heading words, English first, then German, French, Spanish, Italian, Portuguese, Dutch,
    /// Scandinavian and Polish. Matched case-insensitively as the whole heading.</summary>
    internal static readonly ImmutableArray<string> HeadingWords =
    [
        "bibliography", "selected bibliography", "select bibliography", "references", "reference list", "list of references",
        "references and notes", "notes and references", "sources", "source", "sources and notes", "sources and further reading",
        "works cited", "works consulted", "cited works", "literature", "literature cited", "cited literature",
        "further reading", "further reading and sources", "reading list", "citations", "notes", "endnotes", "footnotes",
        "quellen", "quelle", "quellenangaben", "quellenangabe", "quellenverzeichnis", "quellen und literatur",
        "literatur", "literaturverzeichnis", "literaturangaben", "literaturhinweise", "weiterführende literatur",
        "einzelnachweise", "anmerkungen", "belege", "nachweise", "fußnoten", "verwendete literatur", "verwendete quellen",
        "bibliografie", "bibliographie", "références", "references bibliographiques", "références bibliographiques",
        "notes et références", "ouvrages cités", "sources et références",
        "fuentes", "referencias", "referencias bibliográficas", "bibliografía", "notas", "obras citadas",
        "bibliografia", "fonti", "riferimenti", "riferimenti bibliografici", "note",
        "referências", "referências bibliográficas", "fontes",
        "bronnen", "bronvermelding", "literatuur", "literatuurlijst", "referenties", "noten",
        "källor", "referenser", "litteratur", "kilder", "referencer", "lähteet", "kirjallisuus",
        "przypisy", "bibliografia i przypisy", "źródła",
        "weblinks", "quellen und links", "links und quellen", "sources and links", "bibliography and sources", "notes and sources",
        "sources & references", "references & notes", "notes & references", "sources & notes", "quellen & links",
        "literatur und quellen", "quellen und literatur", "quellen und anmerkungen", "sources cited", "references cited",
        "参考文献", "参考资料", "引用文献", "參考文獻",
    ];

    private static readonly FrozenHeadingSet Headings = new(HeadingWords);

    /// <summary>Finds every bibliography block in <paramref name="text"/>. When there is no heading but the whole
    /// text reads as a list of references, that list is returned as one block without heading.</summary>
    public static ImmutableArray<BibliographyBlock> Detect(string text) => Detect(new SourceText(text));

    public static ImmutableArray<BibliographyBlock> Detect(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lines = Line.Split(source.Text);
        var blocks = ImmutableArray.CreateBuilder<BibliographyBlock>();
        int i = 0;
        while (i < lines.Count)
        {
            var heading = FindHeading(source.Text, lines[i]);
            if (heading is null)
            {
                i++;
                continue;
            }

            var (entries, nextLine, end) = SplitFrom(source, lines, i, heading.Value.BodyStart);
            if (entries.Count > 0)
            {
                int start = heading.Value.Start;
                blocks.Add(new BibliographyBlock(heading.Value.Heading, source.Span(start, end), [.. entries]));
                i = Math.Max(nextLine, i + 1);
            }
            else
            {
                i++;
            }
        }

        if (blocks.Count == 0)
        {
            var whole = SplitList(source);
            if (whole is not null)
            {
                blocks.Add(whole);
            }
        }

        return blocks.ToImmutable();
    }

    /// <summary>Splits text that is known to be a bibliography (with or without heading). Returns an empty block
    /// when nothing reference-like is found.</summary>
    public static BibliographyBlock Split(string text)
    {
        var source = new SourceText(text);
        var lines = Line.Split(text);
        int first = 0;
        while (first < lines.Count && lines[first].IsBlank(text))
        {
            first++;
        }

        if (first < lines.Count && FindHeading(text, lines[first]) is { } heading && heading.Start == lines[first].Start + lines[first].Indent(text))
        {
            var (entries, _, end) = SplitFrom(source, lines, first, heading.BodyStart, lenient: true);
            return new BibliographyBlock(heading.Heading, source.Span(heading.Start, end), [.. entries]);
        }

        var (plain, _, plainEnd) = SplitFrom(source, lines, first - 1, first < lines.Count ? lines[first].Start : text.Length, lenient: true);
        return new BibliographyBlock(null, source.Span(0, plainEnd), [.. plain]);
    }

    /// <summary>Each non-empty line as one entry (for <c>--one-per-line</c>); empty lines give no entry.</summary>
    public static ImmutableArray<ReferenceEntry> Lines(string text)
    {
        var source = new SourceText(text);
        var result = ImmutableArray.CreateBuilder<ReferenceEntry>();
        foreach (var line in Line.Split(text))
        {
            var (s, e) = Trim(text, line.Start, line.End);
            if (e > s)
            {
                result.Add(new ReferenceEntry(Collapse(text.AsSpan(s, e - s)), source.Span(s, e)));
            }
        }

        return result.ToImmutable();
    }

    // ------------------------------------------------------------------ headings

    private readonly record struct HeadingMatch(string Heading, int Start, int BodyStart);

    private static HeadingMatch? FindHeading(string text, Line line)
    {
        int s = line.Start + line.Indent(text);
        int e = line.End;
        if (s >= e || e - s > 5000 && !HasColonHeadingCandidate(text, s, e))
        {
            return null;
        }

        // Heading at the start of the line: optional markdown/number prefix, words, optional colon, then end of
        // line or (after a colon or dash) the first entry.
        int p = s;
        while (p < e && (text[p] == '#' || text[p] == '*' || text[p] == '='))
        {
            p++;
        }

        while (p < e && text[p] == ' ')
        {
            p++;
        }

        var numbered = SectionNumber().Match(text, p, Math.Min(e - p, 12));
        if (numbered.Success && numbered.Index == p)
        {
            p += numbered.Length;
        }

        if (MatchHeadingAt(text, p, e) is { } atStart)
        {
            return atStart with { Start = s };
        }

        // Heading after prose on the same line: "… sentence end. Bibliography: - …" (colon required).
        int from = s;
        while (from < e)
        {
            int colon = text.IndexOf(':', from, e - from);
            if (colon < 0)
            {
                break;
            }

            int wordStart = colon;
            int words = 0;
            while (wordStart > s && words < 4)
            {
                int k = wordStart - 1;
                while (k >= s && text[k] == ' ')
                {
                    k--;
                }

                int ws = k;
                while (ws >= s && (char.IsLetter(text[ws]) || text[ws] == '-'))
                {
                    ws--;
                }

                if (ws == k)
                {
                    break;
                }

                wordStart = ws + 1;
                words++;
                var candidate = text.AsSpan(wordStart, colon - wordStart).Trim();
                if (Headings.Contains(candidate) && char.IsUpper(candidate[0]) && PrecededBySentenceEnd(text, s, wordStart))
                {
                    int body = colon + 1;
                    if (LooksLikeListStart(text, body, e))
                    {
                        return new HeadingMatch(Normalise(candidate), wordStart, body);
                    }
                }
            }

            from = colon + 1;
        }

        return null;
    }

    private static bool HasColonHeadingCandidate(string text, int s, int e) => text.IndexOf(':', s, e - s) >= 0;

    private static HeadingMatch? MatchHeadingAt(string text, int p, int e)
    {
        // Longest heading phrase that starts at p and is followed by end of line, ':' or ' - '/' – ' plus content.
        int q = p;
        int lastWordEnd = -1;
        HeadingMatch? best = null;
        for (int words = 0; words < 5 && q < e; words++)
        {
            int ws = q;
            while (q < e && (char.IsLetter(text[q]) || text[q] is '-' or '\'' or '&'))
            {
                q++;
            }

            if (q == ws)
            {
                break;
            }

            lastWordEnd = q;
            var candidate = text.AsSpan(p, lastWordEnd - p);
            if (Headings.Contains(candidate))
            {
                int r = lastWordEnd;
                while (r < e && (text[r] is ' ' or '\t' or '*' or '#' or '='))
                {
                    r++;
                }

                // "Literatur (Auswahl)", "References (selected)"
                if (r < e && text[r] == '(' && text.IndexOf(')', r, Math.Min(e - r, 40)) is int close and > 0)
                {
                    r = close + 1;
                    while (r < e && (text[r] is ' ' or '\t' or '*'))
                    {
                        r++;
                    }
                }

                if (r >= e)
                {
                    best = new HeadingMatch(Normalise(candidate), p, e);
                }
                else if (text[r] == ':')
                {
                    best = new HeadingMatch(Normalise(candidate), p, r + 1);
                }
            }

            while (q < e && text[q] == ' ')
            {
                q++;
            }
        }

        return best;
    }

    private static bool PrecededBySentenceEnd(string text, int lineStart, int wordStart)
    {
        int k = wordStart - 1;
        while (k >= lineStart && char.IsWhiteSpace(text[k]))
        {
            k--;
        }

        return k < lineStart || text[k] is '.' or '!' or '?' or '…' or '"' or '”' or '“' or '»' or '«' or ')' or ']';
    }

    private static bool LooksLikeListStart(string text, int s, int e)
    {
        var (a, b) = Trim(text, s, e);
        if (a >= b)
        {
            return true;
        }

        var rest = text.AsSpan(a, Math.Min(b - a, 300));
        return BulletMarker().IsMatch(rest) || NumberMarker().IsMatch(rest) || RefPatterns.LooksLikeReference(rest);
    }

    private static string Normalise(ReadOnlySpan<char> heading) => Collapse(heading).TrimEnd(':');

    // ------------------------------------------------------------------ splitting

    private enum EntryKind
    {
        Plain,
        Numbered,
        Bulleted,
    }

    private sealed class Building
    {
        public required int Start;
        public required int End;
        public required EntryKind Kind;
        public required char Bullet;
        public int Lines = 1;
        public int Indent;
        public List<(int Start, int End)> Pieces = [];
    }

    /// <summary>Reads entries from the heading line (from <paramref name="bodyStart"/>) onward.</summary>
    private static (List<ReferenceEntry> Entries, int NextLine, int End) SplitFrom(SourceText source, IReadOnlyList<Line> lines, int headingLine, int bodyStart, bool lenient = false)
    {
        string text = source.Text;
        var built = new List<Building>();
        int blankRun = 0;

        // The rest of the heading line (inline list or the first entry).
        if (headingLine >= 0 && headingLine < lines.Count)
        {
            var (a, b) = Trim(text, bodyStart, lines[headingLine].End);
            if (b > a)
            {
                AddLineEntries(text, a, b, built, inlineLine: true);
            }
        }

        // A double-spaced PDF paste has a blank line after every line, entries included: single blank lines are
        // then no boundary, and entries are told apart by how lines continue (hyphen, lower case, URL, number).
        // Footnotes numbered "1 Text" or "¹ Text" (no full stop after the number): a run of consecutive numbers.
        int nextNote = DetectFootnotes(text, lines, headingLine + 1);
        int startsChecked = 0;
        bool allStart = true;
        bool doubleSpaced = DetectDoubleSpaced(text, lines, headingLine + 1);
        bool paragraphMode = !doubleSpaced && DetectParagraphMode(text, lines, headingLine + 1);
        int li;
        for (li = headingLine + 1; li < lines.Count; li++)
        {
            var line = lines[li];
            var (a, b) = Trim(text, line.Start, line.End);
            if (b <= a)
            {
                blankRun++;
                if (blankRun >= 3 && built.Count > 0 && !lenient)
                {
                    break;
                }

                continue;
            }

            var span = text.AsSpan(a, b - a);
            var last = built.Count > 0 ? built[^1] : null;
            bool afterBlank = blankRun > (doubleSpaced ? 1 : 0);
            blankRun = 0;

            if (last is not null && FindHeading(text, line) is not null && !lenient)
            {
                break;
            }

            if (nextNote > 0 && FootnoteNumber(span) == nextNote)
            {
                nextNote++;
                AddLineEntries(text, a, b, built, inlineLine: false, a - line.Start, footnote: true);
                continue;
            }

            if (last is not null && !afterBlank && last.End - last.Start >= 2 && text[last.End - 1] is '-' or '–' && char.IsAsciiDigit(text[last.End - 2]) && char.IsAsciiDigit(span[0]))
            {
                // a page range wrapped after its dash: "pages 85–" + "103. Plenum Press" is no entry numbered 103
                last.Pieces.Add((a, b));
                last.End = b;
                last.Lines++;
                continue;
            }

            if (NumberMarker().IsMatch(span) || BulletMarker().IsMatch(span))
            {
                AddLineEntries(text, a, b, built, inlineLine: false, a - line.Start);
                continue;
            }

            if (last is not null && (IsContinuation(text, last, a, b, afterBlank, paragraphMode, a - line.Start, doubleSpaced)
                || (!afterBlank && !paragraphMode && WrappedAfterSentence(text, built, ref startsChecked, ref allStart, a, b))))
            {
                last.Pieces.Add((a, b));
                last.End = b;
                last.Lines++;
                continue;
            }

            if (lenient || RefPatterns.LooksLikeReference(span) || (last is null && built.Count == 0 && RefPatterns.LooksLikeReferenceStart(span))
                || (RefPatterns.LooksLikeReferenceStart(span) && NextLineIndentedDeeper(text, lines, li, a - line.Start)))
            {
                if (!lenient && last is not null && last.Kind != EntryKind.Plain && afterBlank)
                {
                    // A plain line after a blank line below a numbered/bulleted list: the list has ended.
                    break;
                }

                AddLineEntries(text, a, b, built, inlineLine: false, a - line.Start);
                continue;
            }

            break;
        }

        int nextLine = li;

        // Cut page boilerplate glued to the last entry and split glued entries.
        var entries = new List<ReferenceEntry>();
        int end = bodyStart;
        for (int k = 0; k < built.Count; k++)
        {
            var b = built[k];
            foreach (var (es, ee) in CutGlue(text, b, isLast: k == built.Count - 1))
            {
                string entryText = Join(text, b, es, ee);
                if (entryText.Length == 0)
                {
                    continue;
                }

                entries.Add(new ReferenceEntry(entryText, source.Span(es, ee)));
                end = Math.Max(end, ee);
            }
        }

        return (entries, nextLine, end);
    }

    /// <summary>Adds the entries of one line: a single entry, or several when the line is an inline list.</summary>
    private static void AddLineEntries(string text, int a, int b, List<Building> built, bool inlineLine, int indent = 0, bool footnote = false)
    {
        EntryKind kind = EntryKind.Plain;
        char bulletChar = '\0';
        int contentStart = a;
        var number = NumberMarker().Match(text, a, b - a);
        var bullet = BulletMarker().Match(text, a, b - a);
        if (footnote)
        {
            var entry = new Building { Start = a, End = b, Kind = EntryKind.Numbered, Bullet = '\0', Indent = indent };
            entry.Pieces.Add((a, b));
            built.Add(entry);
            return;
        }

        if (number.Success)
        {
            kind = EntryKind.Numbered;
        }
        else if (bullet.Success)
        {
            kind = EntryKind.Bulleted;
            bulletChar = text[bullet.Groups[1].Index];
            contentStart = bullet.Index + bullet.Length;
        }

        // Inline list: split at " <sep> " where the next part starts a reference. A line without a bullet of its own
        // (the rest of a heading line) is tried with each usual separator and the one giving most splits is used.
        char sep = bulletChar;
        List<(int MarkerStart, int ContentStart)> starts;
        if (sep == '\0' && inlineLine)
        {
            starts = [(a, contentStart)];
            foreach (char candidate in "-•–|·")
            {
                var tried = InlineStarts(text, a, contentStart, b, candidate);
                if (tried.Count > starts.Count)
                {
                    starts = tried;
                    sep = candidate;
                }
            }
        }
        else
        {
            starts = sep == '\0' ? [(a, contentStart)] : InlineStarts(text, a, contentStart, b, sep);
        }

        if (sep == '\0' && starts.Count == 1 && RunOnNumbered(text, a, b) is { Count: > 1 } numbered)
        {
            // "[1] A … [2] B … [3] C …" or "1. A … 2. B …" on one line: split at the next number in sequence.
            starts = numbered;
            kind = EntryKind.Numbered;
        }

        for (int k = 0; k < starts.Count; k++)
        {
            int cs = starts[k].ContentStart;
            int ce = k + 1 < starts.Count ? starts[k + 1].MarkerStart : b;
            var (ts, te) = Trim(text, cs, ce);
            if (te <= ts)
            {
                continue;
            }

            if (kind == EntryKind.Numbered)
            {
                ts = starts[k].MarkerStart; // numeric labels are kept, as on their own lines
            }

            var entry = new Building
            {
                Start = ts,
                End = te,
                Kind = starts.Count > 1 && kind == EntryKind.Plain ? EntryKind.Bulleted : kind,
                Bullet = sep,
                Indent = indent,
            };
            entry.Pieces.Add((ts, te));
            built.Add(entry);
        }
    }

    /// <summary>Entry starts of a line whose numbered entries run on ("[1] … [2] … [3] …", "1. … 2. … 3. …",
    /// "(1) … (2) …"): each next label must be the next number, in the same form, after a space and before a
    /// capital/quote/bracket; null when the line does not start with a number label or has no second one.</summary>
    private static List<(int MarkerStart, int ContentStart)>? RunOnNumbered(string text, int a, int b)
    {
        // the label may follow a heading word ("References: [1] …") in the rest of a heading line
        var m = RunOnLabel().Match(text, a, Math.Min(b - a, 40));
        if (!m.Success || m.Index - a > 0 && text.AsSpan(a, m.Index - a).Trim().Length > 0 && !text.AsSpan(a, m.Index - a).TrimEnd().EndsWith(":"))
        {
            return null;
        }

        string open = m.Groups["o"].Value;
        string close = m.Groups["c"].Value;
        if (!int.TryParse(m.Groups["n"].ValueSpan, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n))
        {
            return null;
        }

        var starts = new List<(int MarkerStart, int ContentStart)> { (m.Index, m.Index + m.Length) };
        int from = m.Index + m.Length;
        while (from < b && starts.Count < 1000)
        {
            string label = open + (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + close;
            int idx = text.IndexOf(label, from, b - from, StringComparison.Ordinal);
            if (idx < 0)
            {
                break;
            }

            int after = idx + label.Length;
            from = after;
            if (!char.IsWhiteSpace(text[idx - 1]) || after >= b || !char.IsWhiteSpace(text[after]))
            {
                continue;
            }

            int next = after;
            while (next < b && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            // "1." and "(1)" labels also occur inside references ("vol. 2. Springer"): there the previous text must end
            // a sentence and the next start like a reference.
            if (open.Length == 0 && !(idx >= 2 && text[idx - 2] is '.' or ')' or '”' or '"' && RefPatterns.LooksLikeReferenceStart(text.AsSpan(next, Math.Min(b - next, 300)))))
            {
                continue;
            }

            starts.Add((idx, next));
            n++;
        }

        return starts.Count > 1 ? starts : null;
    }

    [GeneratedRegex(@"(?<o>\[|\()?(?<n>\d{1,4})(?<c>(?(o)[\])]|[.)]))\s+", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex RunOnLabel();

    private static List<(int MarkerStart, int ContentStart)> InlineStarts(string text, int a, int contentStart, int b, char sep)
    {
        var starts = new List<(int MarkerStart, int ContentStart)> { (a, contentStart) };
        int from = contentStart;
        while (from < b)
        {
            int idx = text.IndexOf(sep, from, b - from);
            if (idx < 0)
            {
                break;
            }

            from = idx + 1;
            if (idx == 0 || !char.IsWhiteSpace(text[idx - 1]) || idx + 1 >= b || !char.IsWhiteSpace(text[idx + 1]))
            {
                continue;
            }

            int next = idx + 1;
            while (next < b && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            int segmentEnd = NextSeparator(text, next, b, sep);
            if (next < b && RefPatterns.LooksLikeReferenceStart(text.AsSpan(next, Math.Min(segmentEnd - next, 300)))
                && HasYearOrLink(text.AsSpan(starts[^1].ContentStart, idx - starts[^1].ContentStart)))
            {
                // the piece before the dash must be a whole reference: "Bahn kündigt … an – Pendler müssen umplanen, in: …"
                // is one title with a dash in it
                starts.Add((idx, next));
            }
        }

        return starts;
    }

    private static bool HasYearOrLink(ReadOnlySpan<char> s)
    {
        if (s.Contains("http", StringComparison.OrdinalIgnoreCase) || s.Contains("www.", StringComparison.OrdinalIgnoreCase)
            || s.Contains("10.", StringComparison.Ordinal) || s.Contains("n.d.", StringComparison.OrdinalIgnoreCase) || s.Contains("o. J.", StringComparison.Ordinal))
        {
            return true;
        }

        for (int i = 0; i + 4 <= s.Length; i++)
        {
            if (s[i] is '1' or '2' && char.IsAsciiDigit(s[i + 1]) && char.IsAsciiDigit(s[i + 2]) && char.IsAsciiDigit(s[i + 3])
                && (i == 0 || !char.IsAsciiDigit(s[i - 1])) && (i + 4 == s.Length || !char.IsAsciiDigit(s[i + 4])))
            {
                return true;
            }
        }

        return false;
    }

    private static int NextSeparator(string text, int from, int end, char sep)
    {
        while (from < end)
        {
            int idx = text.IndexOf(sep, from, end - from);
            if (idx < 0)
            {
                return end;
            }

            if (idx > 0 && char.IsWhiteSpace(text[idx - 1]) && idx + 1 < end && char.IsWhiteSpace(text[idx + 1]))
            {
                return idx;
            }

            from = idx + 1;
        }

        return end;
    }

    private static bool DetectParagraphMode(string text, IReadOnlyList<Line> lines, int from)
    {
        // Paragraph mode: entries separated by blank lines, some of them wrapped over several lines.
        int paragraphs = 0;
        bool multiLine = false;
        int run = 0;
        int seen = 0;
        for (int i = Math.Max(0, from); i < lines.Count && seen < 400; i++, seen++)
        {
            if (lines[i].IsBlank(text))
            {
                if (run > 0)
                {
                    paragraphs++;
                }

                multiLine |= run > 1;
                run = 0;
            }
            else
            {
                run++;
            }
        }

        if (run > 0)
        {
            paragraphs++;
            multiLine |= run > 1;
        }

        return paragraphs >= 2 && multiLine;
    }

    /// <summary>Footnotes pasted without a heading or full stop after the number ("1 BVerfG, Urt. v. …", "¹ Jürgen
    /// Habermas, …"): the first non-blank line from <paramref name="from"/> and at least one more start with the
    /// numbers n, n+1, … in order, and those lines are at least half of the non-blank lines (wrapped notes add lines).
    /// Returns the number of the first note, or 0 when the lines are no such run. A line of a list numbered "1." is
    /// left to <see cref="NumberMarker"/>.</summary>
    private static int DetectFootnotes(string text, IReadOnlyList<Line> lines, int from)
    {
        int first = 0;
        int expected = 0;
        int notes = 0;
        int nonBlank = 0;
        for (int li = Math.Max(0, from); li < lines.Count; li++)
        {
            var (a, b) = Trim(text, lines[li].Start, lines[li].End);
            if (b <= a)
            {
                continue;
            }

            nonBlank++;
            int n = FootnoteNumber(text.AsSpan(a, b - a));
            if (nonBlank == 1)
            {
                if (n <= 0)
                {
                    return 0;
                }

                first = n;
                expected = n + 1;
                notes = 1;
            }
            else if (n == expected)
            {
                expected++;
                notes++;
            }
        }

        return notes >= 2 && notes * 2 >= nonBlank ? first : 0;
    }

    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>The number a footnote line starts with — "12 Text" (one to three digits, no full stop, then a space
    /// and a letter, quote or bracket) or superscript digits ("¹² Text", the space optional) — or 0.</summary>
    internal static int FootnoteNumber(ReadOnlySpan<char> line)
    {
        int i = 0;
        int n = 0;
        bool superscript = line.Length > 0 && Superscripts.Contains(line[0]);
        while (i < line.Length && i < 3 && (superscript ? Superscripts.Contains(line[i]) : char.IsAsciiDigit(line[i])))
        {
            n = n * 10 + (superscript ? Superscripts.IndexOf(line[i]) : line[i] - '0');
            i++;
        }

        if (i == 0 || i >= line.Length || n == 0)
        {
            return 0;
        }

        int j = i;
        while (j < line.Length && line[j] is ' ' or '\t' or '\u00A0')
        {
            j++;
        }

        if ((j == i && !superscript) || j >= line.Length)
        {
            return 0;
        }

        char c = line[j];
        return char.IsLetter(c) || c is '"' or '„' or '“' or '\'' or '‘' or '«' or '(' or '[' ? n : 0;
    }

    /// <summary>Double-spaced paste: (nearly) every gap between non-empty lines is exactly one blank line, and lines
    /// visibly wrap (a line ending in a word hyphen, or the next line going on in lower case),
    /// which tells it from a list with one reference per paragraph.</summary>
    private static bool DetectDoubleSpaced(string text, IReadOnlyList<Line> lines, int from)
    {
        int nonBlank = 0, single = 0, other = 0, wraps = 0, blanks = 0;
        Line? prev = null;
        for (int i = Math.Max(0, from), seen = 0; i < lines.Count && seen < 400; i++, seen++)
        {
            if (lines[i].IsBlank(text))
            {
                blanks++;
                continue;
            }

            var (a, b) = Trim(text, lines[i].Start, lines[i].End);
            if (prev is { } p)
            {
                if (blanks == 1)
                {
                    single++;
                }
                else
                {
                    other++;
                }

                var (pa, pb) = Trim(text, p.Start, p.End);
                if (EndsWrapped(text, pa, pb) || char.IsLower(text[a]))
                {
                    wraps++;
                }
            }

            nonBlank++;
            blanks = 0;
            prev = lines[i];
        }

        return nonBlank >= 4 && single >= 3 && other * 8 <= single && wraps * 5 >= nonBlank;
    }

    /// <summary>A line that cannot end a reference: a word hyphen ("deci-"). (A URL ending in "/" can end one.)</summary>
    private static bool EndsWrapped(string text, int s, int e) =>
        e - s >= 2 && text[e - 1] == '-' && char.IsLetter(text[e - 2]);

    private static bool IsContinuation(string text, Building last, int a, int b, bool afterBlank, bool paragraphMode, int indent, bool doubleSpaced = false)
    {
        var span = text.AsSpan(a, b - a);
        if (afterBlank && !paragraphMode)
        {
            return false;
        }

        if (afterBlank)
        {
            return false;
        }

        if (RefPatterns.IsUrlLine(span) || EndsWrapped(text, last.Start, last.End))
        {
            return true;
        }

        // Hanging indent: a line indented deeper than the first line of the entry continues it.
        if (indent > last.Indent + 1)
        {
            return true;
        }

        char first = span[0];
        if (char.IsLower(first) || char.IsDigit(first) && last.Kind != EntryKind.Numbered || first is '(' or '[' or ',' or ';' or ':' or '&' or '–' or '—' or '/')
        {
            return !(RefPatterns.LooksLikeReferenceStart(span) && RefPatterns.LooksLikeReference(span));
        }

        char end = text[last.End - 1];
        bool prevTerminated = end is '.' or '!' or '?' or ')' or ']' or '"' or '”' or '»' or '/' || EndsWithUrl(text, last.Start, last.End);
        if (doubleSpaced && last.Kind != EntryKind.Plain && (!prevTerminated || !RefPatterns.LooksLikeReferenceStart(span)))
        {
            // numbered/bulleted entries start with their marker: an unfinished line, or one that does not start
            // like a reference (a DOI's tail after "…/10.2307/"), goes on
            return true;
        }

        if (!prevTerminated)
        {
            return !(RefPatterns.LooksLikeReferenceStart(span) && RefPatterns.LooksLikeReference(span));
        }

        if (paragraphMode)
        {
            return !RefPatterns.LooksLikeReferenceStart(span);
        }

        // "Nguyen, T. (2025, February 2)." wrapped before the title: an entry that so far is only author and date.
        if (end == '.' && last.End - last.Start < 120 && text[last.End - 2] == ')' && !RefPatterns.LooksLikeReferenceStart(span))
        {
            return true;
        }

        // Marked lists: an unmarked line right below an entry continues it unless it starts a reference.
        if (last.Kind != EntryKind.Plain)
        {
            return RefPatterns.IsContinuationWord(span);
        }

        return false;
    }

    /// <summary>A PDF line wrapped right after a full stop ("… behavioral change." + "Psychological Review, 84(2),
    /// 191–215."): in a list of plain entries that all start like a reference ("Family, I."), a line that does not,
    /// with no year near its start, below an entry that has no page numbers, DOI or URL yet, continues that
    /// entry.</summary>
    private static bool WrappedAfterSentence(string text, List<Building> built, ref int startsChecked, ref bool allStart, int a, int b)
    {
        for (; startsChecked < built.Count; startsChecked++)
        {
            var e = built[startsChecked];
            int firstEnd = e.Pieces.Count > 0 ? e.Pieces[0].End : e.End;
            allStart &= e.Kind == EntryKind.Plain && RefPatterns.LooksLikeReferenceStart(text.AsSpan(e.Start, firstEnd - e.Start));
        }

        if (!allStart || built.Count == 0)
        {
            return false;
        }

        var line = text.AsSpan(a, b - a);
        if (!char.IsUpper(line[0]) || RefPatterns.LooksLikeReferenceStart(line) || RefPatterns.Year().IsMatch(line[..Math.Min(line.Length, 40)]))
        {
            return false;
        }

        var last = built[^1];
        var sofar = text.AsSpan(last.Start, last.End - last.Start);
        return !RefPatterns.Url().IsMatch(sofar) && !RefPatterns.HasLocator(sofar);
    }

    private static bool NextLineIndentedDeeper(string text, IReadOnlyList<Line> lines, int li, int indent)
    {
        if (li + 1 >= lines.Count || lines[li + 1].IsBlank(text))
        {
            return false;
        }

        return lines[li + 1].Indent(text) > indent + 1;
    }

    private static bool EndsWithUrl(string text, int s, int e)
    {
        int t = e;
        while (t > s && !char.IsWhiteSpace(text[t - 1]))
        {
            t--;
        }

        return RefPatterns.IsUrlLine(text.AsSpan(t, e - t));
    }

    /// <summary>Splits an entry where page text is glued on without a space ("Common Dreams.Lernen Sie …"): the
    /// part after the glue point is kept as a new entry when it reads as a reference, dropped otherwise (only
    /// for the last entry; inside the list it stays).</summary>
    private static IEnumerable<(int Start, int End)> CutGlue(string text, Building b, bool isLast)
    {
        int s = b.Start;
        int e = b.End;
        int scan = s;
        while (scan < e)
        {
            int glue = FindGlue(text, scan, e);
            if (glue < 0)
            {
                break;
            }

            var tail = text.AsSpan(glue, e - glue);
            if (RefPatterns.LooksLikeReferenceStart(tail) && RefPatterns.LooksLikeReference(tail))
            {
                yield return (s, glue);
                s = glue;
                scan = glue + 1;
                continue;
            }

            if (isLast)
            {
                yield return (s, glue);
                yield break;
            }

            scan = glue + 1;
        }

        yield return (s, e);
    }

    private static int FindGlue(string text, int s, int e)
    {
        for (int i = s + 2; i < e - 2; i++)
        {
            char c = text[i];
            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }

            // Before the stop: a word of two lower-case letters or more ("Dreams."), a closing bracket or a number
            // ("(2025).", "S. 1."); not an initial ("J.Smith"). After it: a capitalised word.
            char p1 = text[i - 1];
            bool wordEnd = (char.IsLower(p1) && char.IsLower(text[i - 2])) || p1 is ')' or ']' || (char.IsDigit(p1) && text[i - 2] is ' ' or '-' or '–' or ',' || char.IsDigit(p1) && char.IsDigit(text[i - 2]));
            if (!wordEnd || !char.IsUpper(text[i + 1]) || !char.IsLower(text[i + 2]))
            {
                continue;
            }

            // Not inside a URL or e-mail/domain token.
            int t = i;
            while (t > s && !char.IsWhiteSpace(text[t - 1]))
            {
                t--;
            }

            var token = text.AsSpan(t, i - t);
            if (token.Contains("://", StringComparison.Ordinal) || token.StartsWith("www", StringComparison.OrdinalIgnoreCase) || token.Contains('@') || token.Contains('.'))
            {
                continue;
            }

            // The glued word must start a word run (not a camel-case name such as "Dreams.Com").
            int w = i + 1;
            while (w < e && char.IsLetter(text[w]))
            {
                w++;
            }

            if (w < e && text[w] == '.' && w + 1 < e && !char.IsWhiteSpace(text[w + 1]))
            {
                continue;
            }

            return i + 1;
        }

        return -1;
    }

    private static string Join(string text, Building b, int s, int e)
    {
        var sb = new System.Text.StringBuilder(e - s);
        foreach (var (ps, pe) in b.Pieces)
        {
            int a = Math.Max(ps, s);
            int z = Math.Min(pe, e);
            if (z <= a)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                AppendLineJoin(sb, text, a, z);
            }

            sb.Append(text, a, z - a);
        }

        return Collapse(sb.ToString());
    }

    /// <summary>What goes between the end of one line in <paramref name="sb"/> and the next line [a, z): nothing
    /// inside a URL or DOI cut across lines ("https://doi.org/10.2307/" + "1914185", "…/s41586-" + "021-…"); a word
    /// hyphen is dropped before a lower-case letter ("deci-" + "sion" → "decision"), kept before a capital
    /// ("Baden-" + "Württemberg"), and a few prefixes that are hyphenated words of their own keep it ("self-",
    /// "non-", "cross-"); a page range cut after its dash ("230–" + "265") is joined; otherwise one space.</summary>
    private static void AppendLineJoin(System.Text.StringBuilder sb, string text, int a, int z)
    {
        int n = sb.Length;
        char last = sb[n - 1];
        char next = text[a];
        int t = n;
        while (t > 0 && !char.IsWhiteSpace(sb[t - 1]))
        {
            t--;
        }

        string token = sb.ToString(t, n - t);
        if (IsUrlToken(token) && !char.IsWhiteSpace(next))
        {
            int ne = a;
            while (ne < z && !char.IsWhiteSpace(text[ne]))
            {
                ne++;
            }

            var nextToken = text.AsSpan(a, ne - a);
            bool lowerOrDigit = char.IsLower(next) || char.IsDigit(next);
            bool cutInside = last switch
            {
                '/' or '-' or '_' or '?' or '&' or '=' or '#' or '%' or '~' => char.IsLetterOrDigit(next),
                '.' or ':' => lowerOrDigit, // "…/science.185." + "4157.1124", never "…/x." + "Retrieved"
                _ => char.IsLetterOrDigit(last) && lowerOrDigit && nextToken.IndexOfAny("./-_?=&") >= 0,
            };
            if (cutInside)
            {
                return;
            }
        }

        if (last is '-' or '–' && n >= 2 && char.IsAsciiDigit(sb[n - 2]) && char.IsAsciiDigit(next))
        {
            return; // a page range wrapped after its dash: "s2-42(1):230–" + "265", "4(3):382–" + "401"
        }

        if (last == '-' && n >= 2 && char.IsLetter(sb[n - 2]))
        {
            if (char.IsLower(next) && !KeepsHyphen(token))
            {
                sb.Length = n - 1;
            }

            if (char.IsLetter(next))
            {
                return;
            }
        }

        sb.Append(' ');
    }

    private static bool IsUrlToken(string token) =>
        token.Contains("://", StringComparison.Ordinal) || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        || token.Contains("doi.org/", StringComparison.OrdinalIgnoreCase) || token.StartsWith("doi:", StringComparison.OrdinalIgnoreCase)
        || (token.StartsWith("10.", StringComparison.Ordinal) && token.Contains('/', StringComparison.Ordinal));

    private static readonly string[] HyphenPrefixes = ["self-", "non-", "cross-", "well-", "semi-", "anti-", "multi-", "co-", "ex-", "e-", "long-", "short-", "high-", "low-", "real-", "large-", "small-", "state-", "open-", "data-", "user-", "end-", "full-"];

    /// <summary>Tokens such as "self-" and "cross-" (with anything before a last hyphen: "data-driven, cross-") are
    /// hyphenated words, not a word broken at the line end.</summary>
    private static bool KeepsHyphen(string token)
    {
        string word = token.TrimStart('(', '"', '“', '‘', '\'', '[');
        int inner = word.LastIndexOf('-', word.Length - 2);
        if (inner >= 0)
        {
            // "False-positive psychol-": the last part is the broken one; "data-driven" parts stay
            word = word[(inner + 1)..];
        }

        return HyphenPrefixes.Any(p => word.Equals(p, StringComparison.OrdinalIgnoreCase));
    }

    // ------------------------------------------------------------------ no heading

    /// <summary>The whole text as a list of references, when (nearly) every line reads as one.</summary>
    private static BibliographyBlock? SplitList(SourceText source)
    {
        string text = source.Text;
        var lines = Line.Split(text);
        int nonBlank = 0;
        int first = -1;
        for (int i = 0; i < lines.Count; i++)
        {
            if (!lines[i].IsBlank(text))
            {
                nonBlank++;
                if (first < 0)
                {
                    first = i;
                }
            }
        }

        if (nonBlank == 0)
        {
            return null;
        }

        var (entries, nextLine, end) = SplitFrom(source, lines, first - 1, lines[first].Start);
        if (entries.Count == 0)
        {
            return null;
        }

        // All lines must have been consumed, and the entries must read as references.
        for (int i = nextLine; i < lines.Count; i++)
        {
            if (!lines[i].IsBlank(text))
            {
                return null;
            }
        }

        // Prose paragraphs often carry a year and commas; a list of references also starts like references and
        // its entries are short.
        int notes = entries.Count(e => BackReferenceKind(e.Text) != BackKind.None);
        int refLike = entries.Count(e => e.Text.Length <= 1000 && RefPatterns.LooksLikeReference(e.Text)
            && (RefPatterns.LooksLikeReferenceStart(e.Text) || BibliographyDetector.NumberMarker().IsMatch(e.Text) || FootnoteNumber(e.Text) > 0));
        if (notes == entries.Count || refLike * 10 < (entries.Count - notes) * 8)
        {
            return null;
        }

        return new BibliographyBlock(null, source.Span(entries[0].Span.Start, end), [.. entries]);
    }

    // ------------------------------------------------------------------ back references

    private enum BackKind
    {
        None,
        Previous,
        SameAuthor,
    }

    /// <summary>Whether an entry is a note that only points back ("Ibid., 474.", "Ebd., S. 12.", "Simmel, a.a.O., S. 188.",
    /// "Durkheim, Le Suicide, op. cit., p. 40.").</summary>
    internal static bool IsBackReference(string entry) => BackReferenceKind(entry) != BackKind.None;

    /// <summary>The entries that only point back, each with the entry it points to: "Ibid."/"Ebd."/"Id." the note before
    /// (itself resolved), "a.a.O."/"op. cit." the last note naming the same author. A reference made up from them would
    /// be wrong, so the reader leaves them out and says where they point.</summary>
    internal static List<BackReference> BackReferences(IReadOnlyList<ReferenceEntry> entries)
    {
        var back = new List<BackReference>();
        var kept = new List<ReferenceEntry>();
        ReferenceEntry? previous = null;
        foreach (var e in entries)
        {
            switch (BackReferenceKind(e.Text))
            {
                case BackKind.Previous:
                    back.Add(new BackReference(e, previous));
                    break;
                case BackKind.SameAuthor:
                    string head = NoteHead(e.Text);
                    var target = head.Length < 2 ? null
                        : kept.LastOrDefault(k => k.Text.Contains(head, StringComparison.OrdinalIgnoreCase));
                    back.Add(new BackReference(e, target));
                    previous = target ?? previous;
                    break;
                default:
                    kept.Add(e);
                    previous = e;
                    break;
            }
        }

        return back;
    }

    private static BackKind BackReferenceKind(string entry)
    {
        if (entry.Length > 200)
        {
            return BackKind.None;
        }

        var body = NoteBody(entry);
        if (PreviousNote().IsMatch(body))
        {
            return BackKind.Previous;
        }

        return EarlierNote().IsMatch(body) && !RefPatterns.Year().IsMatch(body) ? BackKind.SameAuthor : BackKind.None;
    }

    /// <summary>The note without its number and a leading "Vgl."/"See"/"Cf.".</summary>
    private static ReadOnlySpan<char> NoteBody(string entry)
    {
        var s = entry.AsSpan();
        if (NumberMarker().Match(entry) is { Success: true } m)
        {
            s = s[m.Length..];
        }
        else if (FootnoteNumber(s) > 0)
        {
            int i = 0;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || Superscripts.Contains(s[i])))
            {
                i++;
            }

            s = s[i..];
        }

        s = s.TrimStart();
        return SeeAlso().Match(s.ToString()) is { Success: true } see ? s[see.Length..] : s;
    }

    /// <summary>The author word a note "Family, a.a.O., …" names (text before the first comma, last word).</summary>
    private static string NoteHead(string entry)
    {
        var body = NoteBody(entry);
        int comma = body.IndexOf(',');
        var head = (comma > 0 ? body[..comma] : body).Trim();
        int space = head.LastIndexOf(' ');
        return (space >= 0 ? head[(space + 1)..] : head).ToString();
    }

    // "Ibid.", "Ibid., 45.", "Ibidem", "Ebd.", "Ebenda, S. 12.", "Id. at 5." — the whole note points to the note before.
    [GeneratedRegex(@"^(?:ibid(?:em)?\b|ebd\.|ebenda\b|id\.(?=[\s,]|$))\.?\s*(?:,\s*)?(?:(?:at|p|pp|S|s|n|Fn|vol|Bd|t)\.?\s*)?[\dxivlc\s.,;:–—-]*(?:f+\.)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex PreviousNote();

    // "a.a.O.", "a. a. O.", "aaO", "op. cit.", "loc. cit." — the note points to an earlier note of the same author.
    [GeneratedRegex(@"(?:\ba\.\s?a\.\s?O\.|\baaO\b|\bop\.\s?cit\b|\bloc\.\s?cit\b)", RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex EarlierNote();

    [GeneratedRegex(@"^(?:vgl\.|siehe|see(?: also)?|cf\.|voir|so)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex SeeAlso();

    // ------------------------------------------------------------------ helpers

    internal static (int Start, int End) Trim(string text, int s, int e)
    {
        while (s < e && char.IsWhiteSpace(text[s]))
        {
            s++;
        }

        while (e > s && char.IsWhiteSpace(text[e - 1]))
        {
            e--;
        }

        return (s, e);
    }

    internal static string Collapse(ReadOnlySpan<char> s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.)\s+", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex SectionNumber();

    [GeneratedRegex(@"^(?:\[\d{1,5}\]|\[\p{Lu}[\p{L}+\-]{0,11}\d{2,4}[a-z]?\]:?(?=\s)|\(\d{1,4}\)|\d{1,4}[.)](?=\s))\s*", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    internal static partial Regex NumberMarker();

    // "^ a b c" is Wikipedia's back-link marker of a reference cited several times, copied as text
    // "↑" (and "↑ a b") is German Wikipedia's back-link mark, copied as text
    [GeneratedRegex(@"^([-•–—*·▪●◦‣⁃►▸]|[\^↑](?:\s+[a-z](?=\s))*)\s+", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    internal static partial Regex BulletMarker();

    /// <summary>A line of the source: [Start, End) without the line break.</summary>
    private readonly record struct Line(int Start, int End)
    {
        public bool IsBlank(string text)
        {
            for (int i = Start; i < End; i++)
            {
                if (!char.IsWhiteSpace(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int Indent(string text)
        {
            int i = Start;
            while (i < End && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            return i - Start;
        }

        public static List<Line> Split(string text)
        {
            var lines = new List<Line>();
            int start = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    int end = i > start && text[i - 1] == '\r' ? i - 1 : i;
                    lines.Add(new Line(start, end));
                    start = i + 1;
                }
            }

            if (start <= text.Length)
            {
                lines.Add(new Line(start, text.Length));
            }

            return lines;
        }
    }

    /// <summary>Case-insensitive lookup of heading phrases by span, tolerant of repeated spaces.</summary>
    private sealed class FrozenHeadingSet(IEnumerable<string> words)
    {
        private readonly HashSet<string> _set = new(words, StringComparer.OrdinalIgnoreCase);
        private readonly int _max = words.Max(w => w.Length);

        public bool Contains(ReadOnlySpan<char> candidate)
        {
            if (candidate.Length == 0 || candidate.Length > _max + 4)
            {
                return false;
            }

            return _set.Contains(Collapse(candidate));
        }
    }
}
