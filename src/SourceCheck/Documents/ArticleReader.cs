using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SourceCheck.References;
using SourceCheck.Text;

namespace SourceCheck.Documents;

/// <summary>Reads an article from plain text (first line = title) or HTML (through the page reader, see <see cref="ReadFile"/>):
/// paragraphs with offsets, title, byline, date, outlet (dateline), language, embedded bibliography block and
/// inline source mentions.</summary>
internal static partial class ArticleReader
{

    /// <summary>Reads text or HTML (detected by a leading tag); see <see cref="ReadFile"/>, which also returns the notes.</summary>
    public static Article Read(string content, string? name = null, string? language = null) => ReadFile(content, name, language).Article;

    public static bool LooksLikeHtml(string content)
    {
        var head = content.AsSpan(0, Math.Min(content.Length, 2048)).TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith("<", StringComparison.Ordinal) && (head.Contains("<body", StringComparison.OrdinalIgnoreCase) || head.Contains("<p", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Reads a plain-text article; offsets refer to <paramref name="text"/> unchanged.</summary>
    public static Article FromText(string text, string? name = null, string? language = null, string? title = null,
        string? byline = null, string? date = null, string? outlet = null, IEnumerable<ArticleLink>? links = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        string lang = language is "de" or "en" ? language : LanguageGuesser.Guess(text);
        var blocks = BibliographyDetector.Detect(text);
        var bibliography = FindBibliography(text, blocks);
        var paragraphs = SplitParagraphs(text, bibliography);
        if (paragraphs.Count(p => p.Kind is not (ParagraphKind.Boilerplate or ParagraphKind.Bibliography)) == 1 && paragraphs.FirstOrDefault(p => p.Kind == ParagraphKind.Title) is { } only
            && title is null && only.Span.Length > 0 && text.AsSpan(only.Span.Start, only.Span.Length).TrimEnd().EndsWith(".", StringComparison.Ordinal))
        {
            // a single sentence or paragraph on its own is body text, not a headline
            paragraphs[paragraphs.IndexOf(only)] = only with { Kind = ParagraphKind.Body };
        }

        TextSpan? titleSpan = null;
        int firstBody = -1;
        for (int i = 0; i < paragraphs.Count; i++)
        {
            if (paragraphs[i].Kind == ParagraphKind.Title)
            {
                titleSpan = paragraphs[i].Span;
            }
            else if (firstBody < 0 && paragraphs[i].Kind == ParagraphKind.Body)
            {
                firstBody = i;
            }
        }

        title ??= titleSpan is { } ts ? text.Substring(ts.Start, ts.Length) : null;

        // byline / date lines near the top (above the first body paragraph, past a cookie banner or menu)
        foreach (var p in paragraphs.Take(Math.Clamp(firstBody + 1, 6, 12)))
        {
            string line = text.Substring(p.Span.Start, p.Span.Length);
            if (byline is null && BylineRegex().Match(line) is { Success: true } bm)
            {
                byline = bm.Groups["who"].Value.Trim();
            }

            if (date is null && p.Kind != ParagraphKind.Body && DateRegex().Match(line) is { Success: true } dm)
            {
                date = dm.Value;
            }
        }

        TextSpan? dateline = null;
        var mentions = new List<SourceMention>();
        // the dateline opens the first body paragraph, or the one after a teaser
        for (int b = firstBody, tries = 0; b >= 0 && b < paragraphs.Count && tries < 2 && dateline is null; b++)
        {
            if (paragraphs[b].Kind != ParagraphKind.Body)
            {
                continue;
            }

            tries++;
            var span = paragraphs[b].Span;
            var m = DatelineRegex().Match(text, span.Start, Math.Min(span.Length, 160));
            if (m.Success)
            {
                dateline = new TextSpan(m.Index, m.Length);
                outlet ??= m.Groups["outlet"].Value.Trim();
                date ??= m.Groups["date"].Success && m.Groups["date"].Length > 0 ? m.Groups["date"].Value : null;
                var og = m.Groups["outlet"];
                mentions.Add(new SourceMention(og.Value.Trim(), "dateline", new TextSpan(og.Index, og.Length)));
            }
        }

        mentions.AddRange(FindSourceMentions(text));
        mentions.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new Article(text, name, lang, title, titleSpan, byline, date, outlet, [.. paragraphs],
            links?.ToImmutableArray() ?? [], bibliography, [.. mentions.DistinctBy(x => (x.Span.Start, x.Cue))])
        {
            Dateline = dateline,
            BibliographyBlocks = blocks,
        };
    }

    /// <summary>Paragraphs: runs of lines joined by soft line breaks, classified by kind (see
    /// <see cref="AssignLayout"/> for the headline and the page furniture around it).</summary>
    internal static List<ArticleParagraph> SplitParagraphs(string text, BibliographySection? bibliography)
    {
        var result = new List<ArticleParagraph>();
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !(text[i] == '\n' && SentenceSplitter.IsHardBreak(text, start, i, text.Length)))
            {
                continue;
            }

            int s = start, e = i;
            while (s < e && char.IsWhiteSpace(text[s]))
            {
                s++;
            }

            while (e > s && char.IsWhiteSpace(text[e - 1]))
            {
                e--;
            }

            start = i + 1;
            if (e <= s)
            {
                continue;
            }

            if (bibliography is { } bib && s >= bib.Span.Start && s < bib.Span.End)
            {
                result.Add(new ArticleParagraph(new TextSpan(s, e - s), ParagraphKind.Bibliography));
                continue;
            }

            if (bibliography is { } bib2 && e > bib2.Span.Start && s < bib2.Span.Start)
            {
                // body text that runs into an inline "Bibliography:" heading
                int cut = bib2.Span.Start;
                while (cut > s && char.IsWhiteSpace(text[cut - 1]))
                {
                    cut--;
                }

                if (cut > s)
                {
                    result.Add(new ArticleParagraph(new TextSpan(s, cut - s), Classify(text.AsSpan(s, cut - s))));
                }

                result.Add(new ArticleParagraph(new TextSpan(bib2.Span.Start, e - bib2.Span.Start), ParagraphKind.Bibliography));
                continue;
            }

            result.Add(new ArticleParagraph(new TextSpan(s, e - s), Classify(text.AsSpan(s, e - s))));
        }

        AssignLayout(text, result);
        return result;
    }

    /// <summary>The kind of a paragraph on its own: boilerplate, list item, heading (short, no final
    /// punctuation) or body. The headline is chosen afterwards, from the paragraphs around it.</summary>
    private static ParagraphKind Classify(ReadOnlySpan<char> line)
    {
        if (IsBoilerplate(line))
        {
            return ParagraphKind.Boilerplate;
        }

        if (line[0] is '•' or '·' or '▪' or '◦' or '‣' or '●' or '■' or '►' || (line.Length > 2 && line[0] is '-' or '*' or '–' && line[1] == ' '))
        {
            return ParagraphKind.ListItem;
        }

        return !IsTerminal(line) && line.Length <= 160 ? ParagraphKind.Heading : ParagraphKind.Body;
    }

    private static bool IsTerminal(ReadOnlySpan<char> line)
    {
        char last = line[^1];
        return last is '.' or '!' or '?' or '…' or ':' or ';'
            || (QuoteScanner.IsQuoteMark(last) && line.Length > 1 && line[^2] is '.' or '!' or '?' or '…');
    }

    /// <summary>Navigation, marketing and widget lines ("✓ 100% DSGVO-konform", "Das könnte dich auch
    /// interessieren", "🚀 Demo jetzt buchen", "Alle akzeptieren", "Home | Tech | KI"), cookie banners and
    /// choice prompts ("Choose your plan:").</summary>
    internal static bool IsBoilerplate(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty)
        {
            return true;
        }

        char c = line[0];
        bool symbol = char.IsSurrogate(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.OtherSymbol
            or System.Globalization.UnicodeCategory.MathSymbol;
        if (symbol && line.Length < 200)
        {
            return true;
        }

        return (line.Length < 160 && BoilerplateRegex().IsMatch(line))
            || (line.Length <= 60 && NavigationRegex().IsMatch(line))
            || (line.Length <= 600 && ConsentRegex().IsMatch(line))
            || IsBreadcrumb(line);
    }

    /// <summary>The article's bibliography: the last block with a heading that <see cref="BibliographyDetector"/>
    /// finds ("Bibliography:", "Quellen", "Literatur", … at a line start or glued to the text before it). The same
    /// detector supplies the references, so the paragraphs kept out of claim extraction are exactly the entries parsed.</summary>
    public static BibliographySection? FindBibliography(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FindBibliography(text, BibliographyDetector.Detect(text));
    }

    private static BibliographySection? FindBibliography(string text, ImmutableArray<BibliographyBlock> blocks)
    {
        for (int i = blocks.Length - 1; i >= 0; i--)
        {
            var block = blocks[i];
            if (block.Heading is null || block.Entries.IsEmpty)
            {
                continue;
            }

            int entriesStart = block.Entries[0].Span.Start, entriesEnd = block.Entries[^1].Span.End;
            return new BibliographySection(block.Heading, block.Span, text[entriesStart..entriesEnd], TextSpan.FromBounds(entriesStart, entriesEnd));
        }

        return null;
    }

    /// <summary>Inline source mentions: "Quellen: „Zeit“", "laut Reuters", "wie „Zeit“ berichtet",
    /// "according to CNN", "told Reuters".</summary>
    public static IReadOnlyList<SourceMention> FindSourceMentions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<SourceMention>();
        foreach (Match m in ScanLines(SourceMentionRegex(), text))
        {
            string cue = m.Groups["sources"].Success ? "sources"
                : m.Groups["laut"].Success ? "laut"
                : m.Groups["wie"].Success ? "wie-berichtet"
                : m.Groups["acc"].Success ? "according-to"
                : m.Groups["rep"].Success ? "reported"
                : "told";
            var g = m.Groups["name"];
            string name = g.Value.Trim().Trim('„', '“', '”', '"', '«', '»', '‚', '‘', '’', '\'').Trim();
            if (name.Length < 2 || IsNonSource(name))
            {
                continue;
            }

            if (cue == "sources")
            {
                // "Quellen: „Zeit“, dpa"
                int offset = g.Index;
                foreach (var part in g.Value.Split([',', ';'], StringSplitOptions.None))
                {
                    string n = part.Trim().Trim('„', '“', '”', '"', '«', '»').Trim();
                    int at = text.IndexOf(n, offset, StringComparison.Ordinal);
                    if (n.Length >= 2 && at >= 0)
                    {
                        result.Add(new SourceMention(n, cue, new TextSpan(at, n.Length)));
                    }

                    offset += part.Length + 1;
                }

                continue;
            }

            int start = text.IndexOf(name, g.Index, StringComparison.Ordinal);
            result.Add(new SourceMention(name, cue, new TextSpan(start < 0 ? g.Index : start, name.Length)));
        }

        return result;
    }

    /// <summary>Matches line by line (positions stay absolute), so that each match attempt is bounded by a
    /// line and a line that times out is skipped instead of failing the whole article.</summary>
    private static IEnumerable<Match> ScanLines(Regex regex, string text)
    {
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var found = new List<Match>();
            try
            {
                // include the line break before the line so that patterns anchored on "\n" still see it
                int from = start > 0 ? start - 1 : 0;
                for (var m = regex.Match(text, from, end - from); m.Success; m = m.NextMatch())
                {
                    found.Add(m);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                RegexPolicy.Skipped();
                found.Clear();
            }

            foreach (var m in found)
            {
                yield return m;
            }

            start = end + 1;
        }
    }

    private static bool IsNonSource(string name) => name is "reporters" or "the company" or "the firm" or "them" or "him" or "her"
        or "us" or "the newspaper" or "analysts" or "officials" or "Angaben" or "eigenen Angaben" || name.StartsWith("the company", StringComparison.Ordinal)
        || char.IsLower(name[0]);

    [GeneratedRegex(@"^(?:By|Von|Text:|Autor(?:in)?:)\s+(?<who>\p{Lu}[\p{L}.'-]+(?:\s+(?:und|and|&|von|van|de)?\s*\p{Lu}[\p{L}.'-]+){0,5})\s*$", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex BylineRegex();

    [GeneratedRegex(@"\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}\.\s?(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s\d{4}|(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)\s\d{1,2},\s\d{4}|\d{1,2}\.\d{1,2}\.\d{4})\b", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"\G(?<place>\p{Lu}[\p{L}.'’ -]{1,40}?)(?:,\s*(?<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December)\.?\s\d{1,2}|\d{1,2}\.\s?\p{Lu}\p{Ll}+))?\s*\((?<outlet>[^()\n]{2,40})\)\s*[-–—]+\s+", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex DatelineRegex();

    [GeneratedRegex(@"^(?:Das könnte (?:dich|Sie) auch interessieren|Mehr zum Thema|Lesen Sie auch|Auch interessant|Read more|Related|Share this|Teilen|Newsletter|Anzeige|Werbung|Cookie|Subscribe|Abonnieren|Jetzt abonnieren|Sign up|Wähle deine|Advertisement|Zum Artikel|Weiterlesen|Alle Rechte vorbehalten|Copyright|©)", RegexOptions.IgnoreCase, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex BoilerplateRegex();

    [GeneratedRegex(@"(?<sources>(?<=^|\n)\s*Quellen?\s*:\s*(?<name>[^\n]{2,120}))|(?<laut>\b(?:laut|Laut)\s+(?<name>„[^“”\n]{1,60}[“”]|""[^""\n]{1,60}""|\p{Lu}(?:[\p{L}&-]|\.(?=\p{L}))*(?:\s\p{Lu}(?:[\p{L}&-]|\.(?=\p{L}))*){0,3}))|(?<wie>\bwie\s+(?:die\s+|der\s+|das\s+)?(?<name>„[^“”\n]{1,60}[“”]|""[^""\n]{1,60}""|\p{Lu}(?:[\p{L}&-]|\.(?=\p{L}))*(?:\s\p{Lu}(?:[\p{L}&-]|\.(?=\p{L}))*){0,3})\s+(?:berichtet|berichtete|meldet|meldete|schreibt|schrieb|unter Berufung))|(?<acc>\b[Aa]ccording to\s+(?:the\s+)?(?<name>\p{Lu}(?:[\p{L}&'-]|\.(?=\p{L}))*(?:\s(?:of\s)?\p{Lu}(?:[\p{L}&'-]|\.(?=\p{L}))*){0,4}|""[^""\n]{1,60}""))|(?<rep>(?<=^|[\s(])(?:the\s+|The\s+|die\s+|Die\s+|der\s+|Der\s+|das\s+|Das\s+)?(?<name>„[^“”\n]{1,60}[“”]|\p{Lu}(?:[\p{L}&'-]|\.(?=\p{L}))*(?:\s\p{Lu}(?:[\p{L}&'-]|\.(?=\p{L}))*){0,3})\s+(?:reported|reports|berichtete|berichtet|meldete|meldet)\b)|(?<told>\btold\s+(?:the\s+)?(?<name>\p{Lu}(?:[\p{L}&'-]|\.(?=\p{L}))*(?:\s\p{Lu}(?:[\p{L}&'-]|\.(?=\p{L}))*){0,3}))", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex SourceMentionRegex();
}
