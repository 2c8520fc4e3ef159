using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.References.Parsing;

/// <summary>From token labels to a CSL item: groups tokens into field segments (names split at the
/// "-B" labels), cleans values (brackets, quotes, label words such as "pp."/"Vol."/"In:", trailing
/// separators), parses names and dates, normalises DOIs/URLs, splits "12(3)"-style volumes, combines a
/// Harvard year with a later "2 March", drops "et al." and "o. V.", and infers the CSL type.</summary>
internal static class FieldAssembler
{
    private readonly record struct Segment(int Field, int First, int Last);

    public static ParsedReference Assemble(string text, FeatureBuffer buf, int[] labels, float[] conf, string? id, TextSpan origin, List<Diagnostic> diagnostics)
    {
        var tokens = buf.Tokens;
        int n = tokens.Count;
        var segments = new List<Segment>();
        for (int t = 0; t < n; t++)
        {
            int label = labels[t];
            if (label == TagLabels.O)
            {
                continue;
            }

            int field = TagLabels.FieldOf(label);
            bool startsName = label is TagLabels.AuthorB or TagLabels.EditorB;
            if (!startsName && segments.Count > 0 && segments[^1].Field == field && segments[^1].Last == t - 1)
            {
                segments[^1] = segments[^1] with { Last = t };
            }
            else if (!startsName && segments.Count > 0 && segments[^1].Field == field && field is not (TagLabels.Author or TagLabels.Editor or TagLabels.Date) && OnlyPunct(tokens, segments[^1].Last + 1, t - 1, text))
            {
                segments[^1] = segments[^1] with { Last = t }; // title broken by an untagged dash or quote
            }
            else
            {
                segments.Add(new Segment(field, t, t));
            }
        }

        var item = new CslItem(id ?? "ref", "document");
        var fields = ImmutableArray.CreateBuilder<ParsedField>();
        var seen = new HashSet<int>();
        var authors = new List<(CslName Name, Segment Seg)>();
        var editors = new List<(CslName Name, Segment Seg)>();
        var dates = new List<Segment>();
        string? containerRaw = null;
        string? genre = null;
        bool inBeforeContainer = false;
        var values = new Dictionary<int, string>();

        foreach (var seg in segments)
        {
            if (seg.Field is TagLabels.Author or TagLabels.Editor)
            {
                var list = seg.Field == TagLabels.Author ? authors : editors;
                if (list.Count > 0 && seen.Contains(seg.Field) && !Adjacent(list[^1].Seg, seg, tokens, text, labels))
                {
                    continue; // a second, separate name list (e.g. a reviewer) is not merged in
                }

                seen.Add(seg.Field);
                var chunks = MergeFamilyGiven(text, tokens, SplitNames(text, tokens, seg).ToList(), list.Count > 0 ? list[^1].Seg : (Segment?)null);
                foreach (var (nameText, first, last) in chunks)
                {
                    if (IsNoAuthor(nameText) || IsEtAl(nameText))
                    {
                        continue;
                    }

                    if (first < 0)
                    {
                        // merged into the previous name ("Hartner," + "Marcus")
                        var prev = list[^1];
                        string merged = text[tokens[prev.Seg.First].Start..tokens[last].End];
                        if (NameText.Parse(merged) is { } whole)
                        {
                            list[^1] = (whole, prev.Seg with { Last = last });
                            fields[^1] = Field(seg.Field == TagLabels.Author ? "author" : "editor", NameText.Clean(merged), prev.Seg.First, last);
                        }

                        continue;
                    }

                    if (NameText.Parse(nameText) is { } person)
                    {
                        list.Add((person, new Segment(seg.Field, first, last)));
                        fields.Add(Field(seg.Field == TagLabels.Author ? "author" : "editor", NameText.Clean(nameText), first, last));
                    }
                }

                continue;
            }

            if (seg.Field == TagLabels.Date)
            {
                dates.Add(seg);
                continue;
            }

            if (!seen.Add(seg.Field))
            {
                continue; // first occurrence wins
            }

            string value = CleanValue(seg.Field, Slice(text, tokens, seg));
            if (value.Length == 0)
            {
                seen.Remove(seg.Field);
                continue;
            }

            values[seg.Field] = value;
            if (seg.Field == TagLabels.Container)
            {
                containerRaw = value;
                inBeforeContainer = seg.First > 0 && IsInLabel(text, tokens, seg.First);
            }
            else if (seg.Field == TagLabels.Genre)
            {
                genre = value;
            }

            string name = seg.Field switch
            {
                TagLabels.Pages => "page",
                TagLabels.Location => "publisher-place",
                TagLabels.Doi => "DOI",
                TagLabels.Url => "URL",
                _ => TagLabels.Names[seg.Field],
            };

            if (seg.Field == TagLabels.Accessed)
            {
                if (DateText.Parse(value) is { } acc)
                {
                    item.SetDate("accessed", acc);
                }

                fields.Add(Field("accessed", value, seg.First, seg.Last));
                continue;
            }

            if (seg.Field == TagLabels.Doi)
            {
                value = NormaliseDoi(value);
            }
            else if (seg.Field == TagLabels.Url)
            {
                value = value.Trim('<', '>').TrimEnd('.', ',', ';');
                string? doi = DoiFromUrl(value);
                if (doi is not null && !values.ContainsKey(TagLabels.Doi))
                {
                    item.SetString("DOI", doi);
                    values[TagLabels.Doi] = doi;
                    fields.Add(Field("DOI", doi, seg.First, seg.Last));
                    seen.Add(TagLabels.Doi);
                }
            }

            item.SetString(name, value);
            fields.Add(Field(name, value, seg.First, seg.Last));
        }

        // volume "12(3)" tagged as one volume
        if (values.TryGetValue(TagLabels.Volume, out var vol) && !values.ContainsKey(TagLabels.Issue))
        {
            int open = vol.IndexOf('(', StringComparison.Ordinal);
            if (open > 0 && vol.EndsWith(')'))
            {
                item.SetString("volume", vol[..open].Trim());
                item.SetString("issue", vol[(open + 1)..^1].Trim());
            }
        }

        if (authors.Count > 0)
        {
            item.SetNames("author", authors.Select(a => a.Name));
        }

        if (editors.Count > 0)
        {
            item.SetNames("editor", editors.Select(a => a.Name));
        }

        CslDate? issued = null;
        if (dates.Count > 0)
        {
            var first = dates[0];
            string raw = Slice(text, tokens, first).Trim('(', ')', '[', ']', ' ', ',', '.', ';', ':');
            issued = DateText.Parse(raw);
            // Harvard: "(2024) … 18 September" — a year alone, then day and month without a year
            if (issued?.Start is { Month: null } year && dates.Count > 1)
            {
                string raw2 = Slice(text, tokens, dates[1]).Trim('(', ')', '[', ']', ' ', ',', '.', ';', ':');
                var second = DateText.Parse(raw2 + " " + year.Year.ToString(CultureInfo.InvariantCulture));
                if (second?.Start is { Month: not null } s2 && s2.Year == year.Year && !DateText.HasYear(raw2))
                {
                    raw = raw2 + " " + raw;
                    issued = second with { Raw = raw };
                }
            }

            if (issued is not null)
            {
                item.SetDate("issued", issued);
            }

            if (!DateText.IsNoDate(raw))
            {
                fields.Add(Field("issued", raw, first.First, first.Last));
            }
        }

        bool corporate = authors.Count > 0 && authors[0].Name.Literal is not null;
        var evidence = new TypeEvidence(
            containerRaw, genre, item.Title,
            values.ContainsKey(TagLabels.Volume), values.ContainsKey(TagLabels.Issue), values.ContainsKey(TagLabels.Pages),
            values.ContainsKey(TagLabels.Doi), values.ContainsKey(TagLabels.Url), values.ContainsKey(TagLabels.Publisher),
            values.ContainsKey(TagLabels.Location), editors.Count > 0, values.ContainsKey(TagLabels.Edition),
            issued?.Start is { Month: not null }, inBeforeContainer, corporate, buf.Lower);
        item.Type = TypeInference.Infer(evidence);
        item.Id = id ?? MakeId(item);

        if (item.Title is null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.ReferenceWithoutTitle, Severity.Warning, SpanOf(origin, 0, text.Length),
                "no title found in the reference"));
        }

        foreach (var f in fields)
        {
            if (f.Confidence < 0.5)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.LowConfidenceField, Severity.Info, f.Span,
                    $"low confidence ({f.Confidence:0.00}) for {f.Name} \"{Shorten(f.Value)}\""));
            }
        }

        return new ParsedReference(text, item, fields.ToImmutable(), [.. diagnostics]);

        ParsedField Field(string name, string value, int first, int last)
        {
            int start = tokens[first].Start;
            int end = tokens[last].End;
            double c = 0;
            for (int t = first; t <= last; t++)
            {
                c += conf[t];
            }

            return new ParsedField(name, value, SpanOf(origin, start, end - start), Math.Round(c / (last - first + 1), 3));
        }
    }

    public static TextSpan SpanOf(TextSpan origin, int start, int length) =>
        new(origin.Start + start, length, origin.Line, origin.Line > 0 ? origin.Column + start : 0);

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static bool Adjacent(Segment prev, Segment next, List<RefToken> tokens, string text, int[] labels)
    {
        for (int t = prev.Last + 1; t < next.First; t++)
        {
            if (tokens[t].Kind != RefTokenKind.Punct && labels[t] != TagLabels.O && TagLabels.FieldOf(labels[t]) != next.Field)
            {
                return false;
            }
        }

        return next.First - prev.Last <= 4;
    }

    private static bool OnlyPunct(List<RefToken> tokens, int from, int to, string text)
    {
        if (to - from > 1)
        {
            return false;
        }

        for (int t = from; t <= to; t++)
        {
            if (tokens[t].Kind != RefTokenKind.Punct || text[tokens[t].Start] is '.' or ',' or ';' or ':' or '(' or ')')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsInLabel(string text, List<RefToken> tokens, int first)
    {
        for (int t = first - 1; t >= Math.Max(0, first - 2); t--)
        {
            var tok = tokens[t];
            if (tok.Kind == RefTokenKind.Word)
            {
                var w = text.AsSpan(tok.Start, tok.Length);
                return w.Equals("In", StringComparison.OrdinalIgnoreCase) || w.Equals("Dans", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    private static string Slice(string text, List<RefToken> tokens, Segment seg) =>
        text[tokens[seg.First].Start..tokens[seg.Last].End];

    /// <summary>The names inside one name segment: cut at each "-B" start the tagger gave (segments arrive
    /// already cut), and also at ";" / " & " / " and " when the tagger left two persons in one piece.</summary>
    private static IEnumerable<(string Text, int First, int Last)> SplitNames(string text, List<RefToken> tokens, Segment seg)
    {
        int start = seg.First;
        for (int t = seg.First; t <= seg.Last; t++)
        {
            var tok = tokens[t];
            bool cut = false;
            if (tok.Kind == RefTokenKind.Punct && text[tok.Start] is ';' or '&')
            {
                cut = true;
            }
            else if (tok.Kind == RefTokenKind.Word && tok.Length <= 3)
            {
                var w = text.AsSpan(tok.Start, tok.Length);
                cut = w is "and" or "und" or "et" or "y" && !(t + 1 <= seg.Last && text.AsSpan(tokens[t + 1].Start, tokens[t + 1].Length) is "al");
            }

            if (cut)
            {
                if (t > start && HasWord(tokens, start, t - 1))
                {
                    yield return (text[tokens[start].Start..tokens[t - 1].End], start, t - 1);
                }

                start = t + 1;
            }
        }

        if (start <= seg.Last && HasWord(tokens, start, seg.Last))
        {
            yield return (text[tokens[start].Start..tokens[seg.Last].End], start, seg.Last);
        }
        else if (start <= seg.Last && !HasWord(tokens, seg.First, seg.Last))
        {
            yield return (text[tokens[start].Start..tokens[seg.Last].End], start, seg.Last); // ditto "———."
        }
    }

    /// <summary>The tagger sometimes starts a new name at the given name of an inverted name ("Hartner, |Marcus",
    /// "Wehe, |D. K"). A one-word family followed by a comma and a piece without a comma that is only given
    /// names or initials is one person: such pieces are marked (first = −1) to be merged into the previous one.</summary>
    private static List<(string Text, int First, int Last)> MergeFamilyGiven(string text, List<RefToken> tokens, List<(string Text, int First, int Last)> chunks, Segment? previous)
    {
        for (int i = 0; i < chunks.Count; i++)
        {
            int prevFirst;
            int prevLast;
            if (i > 0)
            {
                if (chunks[i - 1].First < 0)
                {
                    continue;
                }

                (prevFirst, prevLast) = (chunks[i - 1].First, chunks[i - 1].Last);
            }
            else if (previous is { } p)
            {
                (prevFirst, prevLast) = (p.First, p.Last);
            }
            else
            {
                continue;
            }

            if (WordCount(tokens, prevFirst, prevLast) != 1 || tokens[prevFirst].Kind != RefTokenKind.Word || tokens[prevFirst].Length < 2
                || !char.IsUpper(text[tokens[prevFirst].Start]))
            {
                continue;
            }

            // a comma right after the family (inside the previous piece or between the two)
            bool comma = false;
            for (int t = prevFirst + 1; t < chunks[i].First; t++)
            {
                comma |= tokens[t].Kind == RefTokenKind.Punct && text[tokens[t].Start] == ',';
            }

            var (cur, first, last) = chunks[i];
            if (!comma || cur.Contains(',', StringComparison.Ordinal) || WordCount(tokens, first, last) > 3)
            {
                continue;
            }

            chunks[i] = (cur, -1, last);
        }

        return chunks;
    }

    private static int WordCount(List<RefToken> tokens, int from, int to)
    {
        int c = 0;
        for (int t = from; t <= to; t++)
        {
            if (tokens[t].Kind != RefTokenKind.Punct)
            {
                c++;
            }
        }

        return c;
    }

    private static bool HasWord(List<RefToken> tokens, int from, int to)
    {
        for (int t = from; t <= to; t++)
        {
            if (tokens[t].Kind != RefTokenKind.Punct)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNoAuthor(string s)
    {
        string t = new string(s.Where(char.IsLetter).ToArray()).ToLowerInvariant();
        return t is "ov" or "nn" or "anon" or "anonymous" or "ohneverfasser" or "sa" or "etal";
    }

    private static bool IsEtAl(string s) => s.Trim().TrimEnd('.').Equals("et al", StringComparison.OrdinalIgnoreCase);

    /// <summary>Removes brackets and quotes around a value, label words ("pp.", "S.", "Vol.", "No.", "In:",
    /// "Retrieved from"), and trailing separators.</summary>
    public static string CleanValue(int field, string v)
    {
        v = v.Trim();
        for (int guard = 0; guard < 4; guard++)
        {
            string before = v;
            v = v.Trim(' ', ',', ';', ':', '\u00A0');
            if (field is not (TagLabels.Title or TagLabels.Container) || !v.EndsWith("..", StringComparison.Ordinal))
            {
                v = v.TrimEnd('.');
            }

            v = StripPair(v, '“', '”');
            v = StripPair(v, '"', '"');
            v = StripPair(v, '‘', '’');
            v = StripPair(v, '\'', '\'');
            v = StripPair(v, '«', '»');
            v = StripPair(v, '„', '“');
            v = StripPair(v, '(', ')');
            v = StripPair(v, '[', ']');
            v = StripPair(v, '<', '>');
            if (v.Length > 0 && v[0] is '“' or '"' or '«' or '„' && !v[1..].Any(c => c is '”' or '"' or '»' or '“'))
            {
                v = v[1..];
            }

            if (v.Length > 0 && v[^1] is '”' or '"' or '»' && !v[..^1].Any(c => c is '“' or '"' or '«' or '„'))
            {
                v = v[..^1];
            }

            if (v.Length > 0 && v[0] == '(' && !v.Contains(')', StringComparison.Ordinal))
            {
                v = v[1..];
            }

            if (v.Length > 0 && v[^1] == ')' && !v.Contains('(', StringComparison.Ordinal))
            {
                v = v[..^1];
            }

            v = field switch
            {
                TagLabels.Pages => StripPrefix(v, "pp.", "pp", "p.", "pages", "page", "S.", "Seiten", "Seite", "ss."),
                TagLabels.Volume => StripPrefix(v, "Vol.", "vol.", "Vol", "vol", "Volume", "volume", "Bd.", "Band", "Jg.", "t."),
                TagLabels.Issue => StripPrefix(v, "No.", "no.", "No", "Nr.", "nr.", "Issue", "issue", "Heft", "H.", "n.", "#"),
                TagLabels.Container => StripPrefix(v, "In:", "in:", "In ", "in:", "Dans:", "En:"),
                TagLabels.Url => StripPrefix(v, "Retrieved from", "Available at:", "Available from:", "Available:", "URL:", "Online:", "abgerufen unter", "online unter"),
                TagLabels.Edition => StripEditionWords(v),
                _ => v,
            };
            if (v == before)
            {
                break;
            }
        }

        return v.Trim();
    }

    private static string StripEditionWords(string v)
    {
        foreach (string w in new[] { " edition", " ed.", " ed", " edn.", " edn", " Aufl.", " Auflage", " éd.", " Ausg." })
        {
            if (v.EndsWith(w, StringComparison.OrdinalIgnoreCase) && v.Length > w.Length)
            {
                return v[..^w.Length].Trim();
            }
        }

        return v;
    }

    private static string StripPair(string v, char open, char close) =>
        v.Length >= 2 && v[0] == open && v[^1] == close && v.IndexOf(close, 1) == v.Length - 1 ? v[1..^1].Trim() : v;

    private static string StripPrefix(string v, params string[] prefixes)
    {
        foreach (string p in prefixes)
        {
            if (v.StartsWith(p, StringComparison.Ordinal) && v.Length > p.Length)
            {
                return v[p.Length..].TrimStart(' ', ':', '.');
            }
        }

        return v;
    }

    /// <summary>Bare DOI: from "10." on, without a "https://doi.org/" or "doi:" prefix and trailing punctuation.</summary>
    public static string NormaliseDoi(string v)
    {
        int at = v.IndexOf("10.", StringComparison.Ordinal);
        if (at >= 0)
        {
            v = v[at..];
        }

        return v.TrimEnd('.', ',', ';', ')', ']').Trim();
    }

    private static string? DoiFromUrl(string url)
    {
        int at = url.IndexOf("doi.org/10.", StringComparison.OrdinalIgnoreCase);
        return at >= 0 ? NormaliseDoi(url[(at + 8)..]) : null;
    }

    private static string Ascii(string s)
    {
        foreach (char c in s)
        {
            if (c > 127)
            {
                return s.Normalize(NormalizationForm.FormD);
            }
        }

        return s;
    }

    private static string MakeId(CslItem item)
    {
        var sb = new StringBuilder();
        var first = item.Authors.Count > 0 ? item.Authors[0] : null;
        string who = first?.Family ?? first?.Literal ?? string.Empty;
        foreach (char c in Ascii(who))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }

            if (sb.Length >= 16)
            {
                break;
            }
        }

        if (item.Issued?.Start is { } d)
        {
            sb.Append(d.Year.ToString(CultureInfo.InvariantCulture));
        }

        string title = item.Title ?? string.Empty;
        foreach (var w in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string lw = w.ToLowerInvariant();
            if ((Lexicon.ClassOf(lw) & WordClass.Stop) != 0)
            {
                continue;
            }

            foreach (char c in Ascii(lw))
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    sb.Append(c);
                }
            }

            break;
        }

        return sb.Length == 0 ? "ref" : sb.ToString();
    }
}
