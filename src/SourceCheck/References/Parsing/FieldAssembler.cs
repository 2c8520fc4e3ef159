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
internal static partial class FieldAssembler
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

        // one region per name list: consecutive author (editor) segments with only separators between them
        for (int i = segments.Count - 1; i > 0; i--)
        {
            var cur = segments[i];
            var prev = segments[i - 1];
            if (cur.Field is TagLabels.Author or TagLabels.Editor && prev.Field == cur.Field && Adjacent(prev, cur, tokens, text, labels))
            {
                segments[i - 1] = prev with { Last = cur.Last };
                segments.RemoveAt(i);
            }
        }

        // a URL (DOI) field is the segment that holds a link, when one does ("[@handle]" tagged url is not)
        KeepLinkSegments(segments, tokens, TagLabels.Url);
        KeepLinkSegments(segments, tokens, TagLabels.Doi);

        var item = new CslItem(id ?? "ref", "document");
        var fields = ImmutableArray.CreateBuilder<ParsedField>();
        int seen = 0; // fields already taken (bit per field; first occurrence wins)
        var authors = new List<(CslName Name, Segment Seg)>();
        var editors = new List<(CslName Name, Segment Seg)>();
        var dates = new List<Segment>();
        string? containerRaw = null;
        string? genre = null;
        bool inBeforeContainer = false;
        var values = new string?[TagLabels.Count]; // cleaned value per field (null: none)
        (int Start, int End) titleSpan = (0, 0);
        var segmentOf = new Segment?[TagLabels.Count];

        foreach (var seg in segments)
        {
            if (seg.Field is TagLabels.Author or TagLabels.Editor)
            {
                var list = seg.Field == TagLabels.Author ? authors : editors;
                if ((seen & (1 << seg.Field)) != 0)
                {
                    continue; // a second, separate name list (e.g. a reviewer) is not merged in
                }

                seen |= 1 << seg.Field;
                if (seg.Field == TagLabels.Author && !segments.Any(x => x.Field == TagLabels.Editor) && FollowedByEditorWord(text, tokens, seg))
                {
                    list = editors; // "Brown, L. E. (Ed.)", "Comaroff, J. and J. L. Comaroff, eds."
                }

                foreach (var (first, lastToken) in SplitNameList(text, tokens, seg))
                {
                    int last = lastToken;
                    if (last + 1 < tokens.Count && tokens[last].Kind == RefTokenKind.Word && tokens[last].Length <= 2 && char.IsUpper(text[tokens[last].Start])
                        && tokens[last + 1].Kind == RefTokenKind.Punct && text[tokens[last + 1].Start] == '.' && !tokens[last + 1].SpaceBefore)
                    {
                        last++; // "Kopack, S." — the period of the last initial is also the list's full stop
                    }

                    string nameText = text[tokens[first].Start..tokens[last].End];
                    if (IsNoAuthor(nameText) || IsEtAl(nameText))
                    {
                        continue;
                    }

                    string cleaned = NameText.Clean(nameText);
                    if (NameText.ParseClean(cleaned) is { } person)
                    {
                        list.Add((person, new Segment(seg.Field, first, last)));
                        fields.Add(Field(list == authors ? "author" : "editor", cleaned, first, last));
                    }
                }

                continue;
            }

            if (seg.Field == TagLabels.Date)
            {
                dates.Add(seg);
                continue;
            }

            if ((seen & (1 << seg.Field)) != 0)
            {
                continue; // first occurrence wins
            }

            seen |= 1 << seg.Field;

            string value = CleanValue(seg.Field, Slice(text, tokens, seg));
            if (value is "PDF" or "pdf" && seg.Field != TagLabels.Title)
            {
                value = string.Empty; // Wikipedia's format mark "(PDF)" after a linked title is no field
            }

            if (seg.Field is TagLabels.Title or TagLabels.Container && seg.First > 0 && tokens[seg.First - 1].Kind == RefTokenKind.Punct
                && ClosingOf(text[tokens[seg.First - 1].Start]) is char close && value.Contains(close, StringComparison.Ordinal) && !value.EndsWith(close))
            {
                // "‘Governments should not pick winners’: OpenAI …" — the opening quote belongs to the title
                value = text[tokens[seg.First - 1].Start] + value;
            }

            if (seg.Field == TagLabels.Title)
            {
                titleSpan = (tokens[seg.First].Start, tokens[seg.Last].End);
            }
            if (value.Length == 0)
            {
                seen &= ~(1 << seg.Field);
                continue;
            }

            values[seg.Field] = value;
            segmentOf[seg.Field] = seg;
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
                // a doi.org link the tagger read as a URL stays a URL (the tagger reads it as a DOI where the
                // reference style means one: "https://doi.org/…" at the end of an APA reference)
                value = value.Trim('<', '>').TrimEnd('.', ',', ';');
                if (DoiFromUrl(value) is { } doi && values[TagLabels.Doi] is null && !segments.Any(x => x.Field == TagLabels.Doi))
                {
                    item.SetString("DOI", doi);
                    values[TagLabels.Doi] = doi;
                }
            }

            item.SetString(name, value);
            fields.Add(Field(name, value, seg.First, seg.Last));
        }

        // volume "12(3)" tagged as one volume; "9(8):1735–1780" (volume, issue and pages written together)
        if (values[TagLabels.Volume] is { } vol && values[TagLabels.Issue] is null)
        {
            int open = vol.IndexOf('(', StringComparison.Ordinal);
            int close = vol.IndexOf(')', StringComparison.Ordinal);
            if (open > 0 && vol.EndsWith(')'))
            {
                item.SetString("volume", vol[..open].Trim());
                item.SetString("issue", vol[(open + 1)..^1].Trim());
            }
            else if (values[TagLabels.Pages] is null && item.GetString("page") is null && VolumeIssuePages().Match(vol) is { Success: true } m)
            {
                item.SetString("volume", m.Groups[1].Value);
                item.SetString("issue", m.Groups[2].Value);
                item.SetString("page", m.Groups[3].Value);
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
                else if (DateText.Parse(raw2) is { Start: { Month: not null } s3 } full && s3.Year == year.Year)
                {
                    // "(2024): Title, 9 January 2024." / ACM "1970. … 13, 6 (June 1970)": the fuller date of the same year
                    raw = raw2;
                    issued = full;
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

        // APA news "Title. Outlet." with a day-level date: a lone publisher or note that ends the reference
        // (only punctuation or a URL after it) is the outlet
        if (values[TagLabels.Container] is null && issued?.Start is { Day: not null } && values[TagLabels.Location] is null && genre is null)
        {
            foreach (int from in new[] { TagLabels.Publisher, TagLabels.Note })
            {
                if (values[from] is not { } outlet || segmentOf[from] is not { } oseg || !OnlyTrailing(tokens, labels, oseg.Last + 1))
                {
                    continue;
                }

                string fromName = from == TagLabels.Publisher ? "publisher" : "note";
                item.Remove(fromName);
                item.SetString("container-title", outlet);
                values[from] = null;
                values[TagLabels.Container] = outlet;
                containerRaw = outlet;
                for (int i = 0; i < fields.Count; i++)
                {
                    if (fields[i].Name == fromName)
                    {
                        fields[i] = fields[i] with { Name = "container-title" };
                    }
                }

                break;
            }
        }

        bool corporate = authors.Count > 0 && authors[0].Name.Literal is not null;
        var evidence = new TypeEvidence(
            containerRaw, genre, item.Title,
            values[TagLabels.Volume] is not null, values[TagLabels.Issue] is not null, values[TagLabels.Pages] is not null,
            values[TagLabels.Doi] is not null, values[TagLabels.Url] is not null, values[TagLabels.Publisher] is not null,
            values[TagLabels.Location] is not null, editors.Count > 0, values[TagLabels.Edition] is not null,
            issued?.Start is { Month: not null }, inBeforeContainer, corporate,
            titleSpan.End > titleSpan.Start ? string.Concat(buf.Lower.AsSpan(0, titleSpan.Start), buf.Lower.AsSpan(titleSpan.End)) : buf.Lower);
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

    /// <summary>When some segment of <paramref name="linkField"/> holds a URL/DOI token, drops the others of that field.</summary>
    private static void KeepLinkSegments(List<Segment> segments, List<RefToken> tokens, int linkField)
    {
        bool any = false;
        foreach (var x in segments)
        {
            any |= x.Field == linkField && HasLink(tokens, x);
        }

        if (!any)
        {
            return;
        }

        int kept = 0;
        for (int i = 0; i < segments.Count; i++)
        {
            var x = segments[i];
            if (x.Field != linkField || HasLink(tokens, x))
            {
                segments[kept++] = x;
            }
        }

        segments.RemoveRange(kept, segments.Count - kept);
    }

    private static bool HasLink(List<RefToken> tokens, Segment x)
    {
        for (int t = x.First; t <= x.Last; t++)
        {
            if (tokens[t].Kind is RefTokenKind.Url or RefTokenKind.Doi)
            {
                return true;
            }
        }

        return false;
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

    private enum Boundary
    {
        Soft,
        Hard,
    }

    /// <summary>Splits a name list into persons by rules (the tagger finds where the list is; its name-start
    /// labels are not trusted inside long lists): ";", "&amp;", "and"/"und"/"et"/"y" separate persons; commas
    /// separate pieces, and a one-word family piece followed by a piece of given names or initials is one
    /// inverted name ("Wile, R.", "Krach, Soren"), while "U. Dayal, H. Garcia-Molina" are two. "et al." ends
    /// the list; role words ("eds.") are dropped; a suffix ("Jr.", "III") joins the name before it.</summary>
    private static List<(int First, int Last)> SplitNameList(string text, List<RefToken> tokens, Segment seg)
    {
        if (NameText.IsOrganisationList(Slice(text, tokens, seg)))
        {
            return [(seg.First, seg.Last)]; // "American Forest and Paper Association (AFPA)" is one author
        }

        // "Vaswani, Ashish; Shazeer, Noam; …" and DIN "GALTUNG, Johan ; RUGE, Mari Holmboe": when every piece between
        // semicolons is one inverted name, the commas are inside the names
        bool semicolonList = SemicolonInvertedList(text, tokens, seg);
        var parts = new List<(int First, int Last, Boundary Before)>();
        int start = -1;
        var boundary = Boundary.Hard;
        int depth = 0;
        for (int t = seg.First; t <= seg.Last; t++)
        {
            var tok = tokens[t];
            var w = text.AsSpan(tok.Start, tok.Length);
            Boundary? cut = null;
            bool stop = false;
            if (tok.Kind == RefTokenKind.Punct)
            {
                char c = w[0];
                if (c is '(' or '[')
                {
                    depth++;
                }
                else if (c is ')' or ']')
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (depth == 0)
                {
                    cut = c switch
                    {
                        ';' or '&' => Boundary.Hard,
                        ',' when !semicolonList => Boundary.Soft,
                        _ => null,
                    };
                }
            }
            else if (depth == 0 && tok.Kind == RefTokenKind.Word && tok.Length <= 3)
            {
                bool etAl = w is "et" && t + 1 <= seg.Last && text.AsSpan(tokens[t + 1].Start, tokens[t + 1].Length) is "al";
                if (etAl)
                {
                    stop = true;
                }
                else if (w is "and" or "und" or "et" or "y" or "AND" && !semicolonList)
                {
                    cut = Boundary.Hard;
                }
            }

            if (cut is not null || stop)
            {
                if (start >= 0)
                {
                    parts.Add((start, t - 1, boundary));
                    start = -1;
                    boundary = cut ?? Boundary.Hard;
                }
                else if (cut == Boundary.Hard)
                {
                    boundary = Boundary.Hard;
                }

                if (stop)
                {
                    break;
                }

                continue;
            }

            if (start < 0)
            {
                start = t;
            }
        }

        if (start >= 0)
        {
            parts.Add((start, seg.Last, boundary));
        }

        var result = new List<(int First, int Last)>();
        for (int i = 0; i < parts.Count; i++)
        {
            var (first, last, _) = parts[i];
            if (!HasWord(tokens, first, last))
            {
                if (parts.Count == 1)
                {
                    result.Add((first, last)); // ditto "———."
                }

                continue;
            }

            var words = Words(text, tokens, first, last);
            if (words.All(IsRoleWord))
            {
                continue;
            }

            if (result.Count > 0 && words.Count == 1 && IsSuffixWord(words[0]))
            {
                result[^1] = (result[^1].First, last);
                continue;
            }

            // the first name of a list is often inverted even when the others are not ("Krach, Soren, Frank
            // Hegel"): there any short piece after the family is the given name
            if (i + 1 < parts.Count && parts[i + 1].Before == Boundary.Soft
                && (IsFamilyLike(words) || (words.Count <= 4 && UpperCaseFamily(words) && Words(text, tokens, parts[i + 1].First, parts[i + 1].Last) is { Count: > 0 } gv && gv[0].Any(char.IsLower)))
                && (i == 0 ? Words(text, tokens, parts[1].First, parts[1].Last) is { Count: <= 3 } g && !g.All(IsRoleWord) && (char.IsUpper(g[0][0]) || IsLowerCaseName(words, g)) && !(words.Count >= 2 && IsNaturalFullName(g))
                    : IsGivenLike(Words(text, tokens, parts[i + 1].First, parts[i + 1].Last))))
            {
                result.Add((first, parts[i + 1].Last));
                i++;
                continue;
            }

            result.Add((first, last));
        }

        return result;
    }

    /// <summary>At least one semicolon at bracket depth 0, and exactly one comma in every piece between them.</summary>
    private static bool SemicolonInvertedList(string text, List<RefToken> tokens, Segment seg)
    {
        int semicolons = 0, commas = 0, depth = 0;
        for (int t = seg.First; t <= seg.Last; t++)
        {
            if (tokens[t].Kind != RefTokenKind.Punct)
            {
                continue;
            }

            char c = text[tokens[t].Start];
            depth += c is '(' or '[' ? 1 : c is ')' or ']' ? -1 : 0;
            if (depth > 0)
            {
                continue;
            }

            if (c == ';')
            {
                if (commas != 1)
                {
                    return false;
                }

                semicolons++;
                commas = 0;
            }
            else if (c == ',')
            {
                commas++;
            }
        }

        return semicolons > 0 && commas == 1;
    }

    private static List<string> Words(string text, List<RefToken> tokens, int first, int last)
    {
        var words = new List<string>(4);
        int depth = 0;
        for (int t = first; t <= last; t++)
        {
            var tok = tokens[t];
            if (tok.Kind == RefTokenKind.Punct)
            {
                char c = text[tok.Start];
                depth += c is '(' or '[' ? 1 : c is ')' or ']' ? -1 : 0;
                if (c == '.' && words.Count > 0 && !tok.SpaceBefore)
                {
                    words[^1] += ".";
                }

                continue;
            }

            if (depth <= 0)
            {
                if (words.Count > 0 && !tok.SpaceBefore && t > first && tokens[t - 1].Kind == RefTokenKind.Punct && text[tokens[t - 1].Start] is '.' or '-')
                {
                    words[^1] += text.Substring(tok.Start, tok.Length); // "J.C", "M.-C"
                }
                else
                {
                    words.Add(text.Substring(tok.Start, tok.Length));
                }
            }
        }

        return words;
    }

    private static bool FollowedByEditorWord(string text, List<RefToken> tokens, Segment seg)
    {
        int from = Math.Max(seg.First, seg.Last - 3);
        for (int t = from; t < Math.Min(tokens.Count, seg.Last + 4); t++)
        {
            var tok = tokens[t];
            if (tok.Kind == RefTokenKind.Word)
            {
                var w = text.AsSpan(tok.Start, tok.Length);
                if (w is "ed" or "eds" or "Ed" or "Eds" or "editor" or "editors" or "Editor" or "Editors" or "Hrsg" or "hrsg" or "Hg" or "hg" or "éd" or "éds" or "dir")
                {
                    return true;
                }

                if (t > seg.Last)
                {
                    return false;
                }
            }
        }

        return false;
    }

    private static bool IsRoleWord(string w)
    {
        var trimmed = w.AsSpan().TrimEnd('.');
        Span<char> lower = stackalloc char[32];
        var cls = trimmed.Length <= lower.Length
            ? Lexicon.ClassOf(lower[..trimmed.ToLowerInvariant(lower)])
            : Lexicon.ClassOf(trimmed.ToString().ToLowerInvariant());
        return (cls & WordClass.EditorLabel) != 0 || trimmed is "Host" or "host";
    }

    private static bool IsSuffixWord(string w) => w.TrimEnd('.') is "Jr" or "Sr" or "II" or "III" or "IV" or "jr" or "sr";

    /// <summary>"Wile", "El-Kadi", "de la Macorra", "Van Dyke", "BIASI": particles then one non-initial word.</summary>
    private static bool IsFamilyLike(List<string> words)
    {
        if (words.Count == 0 || words.Count > 4)
        {
            return false;
        }

        for (int i = 0; i < words.Count - 1; i++)
        {
            if (!Lexicon.Particles.Contains(words[i].ToLowerInvariant()))
            {
                return false;
            }
        }

        string last = words[^1];
        return last.Length >= 2 && char.IsLetter(last[0]) && !NameText.IsInitials(last, requireDot: false);
    }

    /// <summary>A family name in capitals as ABNT, UNE-ISO 690, NF ISO 690 and Italian lists write it: "PAZ",
    /// "ECO", "ORTEGA Y GASSET", "CERVANTES SAAVEDRA" — every word in capitals (linking "Y"/"E"/"DE"/"DA"/"DOS"
    /// allowed), the last one at least three letters, so initials ("OA", "JPA." with its full stop) are not
    /// taken for it.</summary>
    private static bool UpperCaseFamily(List<string> words)
    {
        string last = words[^1];
        if (last.Length < 3 || last.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (string w in words)
        {
            foreach (char c in w)
            {
                if (char.IsLetter(c) && !char.IsUpper(c))
                {
                    return false;
                }
            }
        }

        return words.Count == 1 || words.All(w => w.Length >= 3 || w is "Y" or "E" or "DE" or "DA" or "DO" or "DI" or "DU" or "LE" or "LA");
    }

    /// <summary>A name its bearer writes in lower case throughout: "boyd, d.", "hooks, bell", "cummings, e. e." — one
    /// family word and given names or initials, every letter of both lower case.</summary>
    private static bool IsLowerCaseName(List<string> family, List<string> given) =>
        family.Count == 1 && family[0].Length >= 2 && family[0].All(char.IsLower)
        && given.Count is >= 1 and <= 3 && given.All(w => w.TrimEnd('.').Length >= 1 && w.TrimEnd('.').All(char.IsLower));

    /// <summary>Given names or initials: "R.", "J. P.", "Soren", "Lloyd A.", "Giuseppe".</summary>
    private static bool IsGivenLike(List<string> words)
    {
        if (words.Count == 0 || words.Count > 3)
        {
            return false;
        }

        if (words.All(w => NameText.IsInitials(w, requireDot: false)))
        {
            return true;
        }

        // one or two given names, possibly followed by an initial; not "Frank Hegel" (given + family)
        int initials = words.Count(w => NameText.IsInitials(w, requireDot: false));
        return words.Count == 1 ? char.IsUpper(words[0][0]) : initials >= words.Count - 1 && NameText.IsInitials(words[^1], false) || Lexicon.Particles.Contains(words[^1].ToLowerInvariant());
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
        if (s.Length > 24)
        {
            return false;
        }

        Span<char> letters = stackalloc char[24];
        int n = 0;
        foreach (char c in s)
        {
            if (char.IsLetter(c))
            {
                letters[n++] = char.ToLowerInvariant(c);
            }
        }

        return letters[..n] is "ov" or "nn" or "anon" or "anonymous" or "ohneverfasser" or "sa" or "etal";
    }

    /// <summary>"Hans E. Suess": given name, initial, family name — a whole name in natural order, not the given
    /// names of an inverted first name ("Roger Revelle, Hans E. Suess: …" in German Wikipedia).</summary>
    private static bool IsNaturalFullName(List<string> words) =>
        words.Count >= 3 && words[^1].TrimEnd('.').Length >= 2 && !NameText.IsInitials(words[^1], false)
        && NameText.IsInitials(words[^2], false) && !NameText.IsInitials(words[0], false);

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
            if (v.Length > 0 && v[0] is '“' or '"' or '«' or '„' && v.AsSpan(1).IndexOfAny("”\"»“") < 0)
            {
                v = v[1..];
            }

            if (v.Length > 0 && v[^1] is '”' or '"' or '»' && v.AsSpan(0, v.Length - 1).IndexOfAny("“\"«„") < 0)
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
                TagLabels.Container => StripOpenBracket(StripVolumeWord(StripPrefix(v, "In:", "in:", "In ", "in:", "Dans:", "En:"))),
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

    private static bool OnlyTrailing(List<RefToken> tokens, int[] labels, int from)
    {
        for (int t = from; t < tokens.Count; t++)
        {
            if (tokens[t].Kind is not (RefTokenKind.Punct or RefTokenKind.Url or RefTokenKind.Doi) && labels[t] != TagLabels.Url && labels[t] != TagLabels.Accessed)
            {
                return false;
            }
        }

        return true;
    }

    private static char? ClosingOf(char open) => open switch
    {
        '‘' => '’',
        '“' => '”',
        '«' => '»',
        '„' => '“',
        _ => null,
    };

    private static readonly string[] EditionWords = [" edition", " ed.", " ed", " edn.", " edn", " Aufl.", " Auflage", " éd.", " Ausg."];

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{1,5})\((\d{1,5})\):([A-Za-z]?\d{1,7}(?:[–-][A-Za-z]?\d{1,7})?)$", System.Text.RegularExpressions.RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial System.Text.RegularExpressions.Regex VolumeIssuePages();

    /// <summary>DIN's volume word read with the journal ("Journal of Peace Research Bd." before "2 (1965)").</summary>
    private static string StripVolumeWord(string v)
    {
        foreach (string w in (string[])[" Bd.", " Bd", " Jg.", " Jg", " Vol.", " vol."])
        {
            if (v.Length > w.Length + 3 && v.EndsWith(w, StringComparison.Ordinal))
            {
                return v[..^w.Length].TrimEnd(' ', ',');
            }
        }

        return v;
    }

    /// <summary>A container ending in an unclosed bracket that holds a proceedings' series ("(SOSP '03", "(USENIX ATC
    /// '14") or a page/volume label ("(S", "(pp", "(Vol" of an APA chapter "In F. E. Weinert (Hrsg.), Buch (S. 17–31)")
    /// ends before it; other unclosed brackets ("(CVPR") are kept.</summary>
    private static string StripOpenBracket(string v)
    {
        int open = v.LastIndexOf('(');
        if (open <= 0 || v.IndexOf(')', open) >= 0)
        {
            return v;
        }

        var inner = v.AsSpan(open + 1).Trim();
        bool series = inner.Length is > 4 and < 30 && inner[^3] == '\'' && char.IsAsciiDigit(inner[^2]) && char.IsAsciiDigit(inner[^1]) && inner[^4] == ' ';
        bool label = inner.TrimEnd('.') is "S" or "pp" or "p" or "Vol" or "vol" or "Bd" or "Seiten";
        return series || label ? v[..open].TrimEnd(' ', ',', ';', ':') : v;
    }

    private static string StripEditionWords(string v)
    {
        foreach (string w in EditionWords)
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

    private static string StripPrefix(string v, params ReadOnlySpan<string> prefixes)
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
    public static string NormaliseDoi(string v) => DoiText.Find(v) ?? v.Trim().TrimEnd('.', ',', ';');

    /// <summary>The DOI of a doi.org link ("https://doi.org/10.1038/x" → "10.1038/x").</summary>
    private static string? DoiFromUrl(string url)
    {
        int at = url.IndexOf("doi.org/10.", StringComparison.OrdinalIgnoreCase);
        return at >= 0 ? NormaliseDoi(url[(at + 8)..]) : null;
    }

    private static string MakeId(CslItem item)
    {
        var sb = new StringBuilder();
        var first = item.Authors.Count > 0 ? item.Authors[0] : null;
        string who = TextFolding.AsciiKey(first?.Family ?? first?.Literal ?? string.Empty);
        sb.Append(who, 0, Math.Min(who.Length, 16));

        if (item.Issued?.Start is { } d)
        {
            sb.Append(d.Year.ToString(CultureInfo.InvariantCulture));
        }

        // the first title word that is not a stop word (words split at spaces, as written)
        var rest = (item.Title ?? string.Empty).AsSpan();
        Span<char> buffer = stackalloc char[64];
        while (rest.Length > 0)
        {
            int space = rest.IndexOf(' ');
            var w = space < 0 ? rest : rest[..space];
            rest = space < 0 ? default : rest[(space + 1)..];
            if (w.Length == 0)
            {
                continue;
            }

            ReadOnlySpan<char> lw = w.Length <= buffer.Length ? buffer[..w.ToLowerInvariant(buffer)] : w.ToString().ToLowerInvariant();
            if ((Lexicon.ClassOf(lw) & WordClass.Stop) != 0)
            {
                continue;
            }

            if (lw.ContainsAnyExceptInRange('\0', (char)127))
            {
                // the citation id's folding ("Groß" → "gross", "Søren" → "soren"), as ReferenceIds has it
                sb.Append(TextFolding.AsciiKey(lw.ToString()));
            }
            else
            {
                foreach (char c in lw)
                {
                    if (char.IsAsciiLetterOrDigit(c))
                    {
                        sb.Append(c);
                    }
                }
            }

            break;
        }

        return sb.Length == 0 ? "ref" : sb.ToString();
    }
}
