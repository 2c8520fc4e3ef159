using System.Text.RegularExpressions;
using SourceCheck.Text;

namespace SourceCheck.References.Parsing;

/// <summary>Rule pass after decoding (issue 14): legal citations are read by their layout, which the tagger has
/// hardly seen — the reporter (or law journal) is cited as volume, abbreviation and first page with the year
/// around them:
/// <list type="bullet">
/// <item>US (Bluebook): "Samuel D. Warren &amp; Louis D. Brandeis, The Right to Privacy, 4 Harv. L. Rev. 193 (1890)",
/// "Brown v. Board of Education, 347 U.S. 483 (1954)", "…, 89 Wash. L. Rev. 1, 8 (2014)";</item>
/// <item>UK (OSCOLA): "HLA Hart, 'Positivism …' (1958) 71 Harv L Rev 593", "Carlill v Carbolic Smoke Ball Co
/// [1893] 1 QB 256 (CA)";</item>
/// <item>German: "BVerfGE 65, 1 (43)", "NJW 1984, 398 (400)", "AöR 142 (2017), 1 (3)"; a decision "BVerfG, Urt. v.
/// 15.12.1983 – 1 BvR 209/83, BVerfGE 65, 1 – Volkszählung" is named by the words after the dash.</item>
/// </list>
/// The abbreviation is the container, the number before it (or after the bracketed year) the volume, the number after
/// it the (first) page, the bracketed year the date; pinpoints and courts are no field. What comes before is a case
/// name ("X v. Y": the title, no author) or "Authors, Title" (split at the first comma after the names). Statutes
/// ("Human Rights Act 1998, s 3") are titled by the act's name, year included (no separate date).</summary>
internal static partial class LegalCitation
{
    // one word of a reporter or journal abbreviation: "Harv.", "L.", "J.L.", "U.S.", "F.3d", "&", "AöR"
    private const string Rw = @"(?:[A-Z][\w'’]*\.?(?:[A-Z0-9]\w*\.?)*|&|of|[2-9](?:d|th)\.?)";
    private const string Year = @"(?:1[5-9]\d\d|20\d\d)";

    [GeneratedRegex(@"(?<![\w.,])(?<vol>\d{1,4}) (?<rep>" + Rw + "(?: " + Rw + @"){0,6}) (?<page>\d{1,5})(?<pin>, \d{1,5}(?:[-–]\d{1,5})?)?(?: n\.\s?\d+)? \((?<court>[^()]{0,40}? )?(?<year>" + Year + @")\)",
        RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex UsReporter();

    [GeneratedRegex(@"\((?<year>" + Year + @")\) (?<vol>\d{1,4}) (?<rep>" + Rw + "(?: " + Rw + @"){0,6}) (?<page>\d{1,5})(?![\w/])",
        RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex UkJournal();

    [GeneratedRegex(@"\[(?<year>" + Year + @")\] (?:(?<vol>\d{1,3}) )?(?<rep>[A-Z][A-Za-z]{0,7}(?: [A-Z][A-Za-z]{0,7}){0,2}) (?<page>\d{1,5})(?![\w/])",
        RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex UkReport();

    [GeneratedRegex(@"(?<![\w.])(?<rep>BVerfGE|BVerfGK|BGHZ|BGHSt|BVerwGE|BAGE|BSGE|BFHE|RGZ|RGSt) (?<vol>\d{1,3}), (?<page>\d{1,5})(?![\w/])",
        RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex GermanReporter();

    // "NJW 1984, 398", "AöR 142 (2017), 1": an abbreviation with at least two capitals
    [GeneratedRegex(@"(?<![\w.])(?<rep>(?=\w*\p{Lu}\w*\p{Lu})\p{Lu}[\p{L}&]{1,5})(?: (?<year>" + Year + @")| (?<vol>\d{1,4}) \((?<year>" + Year + @")\)), (?<page>\d{1,5})(?![\w/.])",
        RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex GermanJournal();

    [GeneratedRegex(@"^(?<court>BVerfG|BGH|BVerwG|BAG|BSG|BFH|EuGH|EGMR|RG|(?:OLG|LG|VG|OVG|VGH|LAG|AG) [\p{Lu}][\p{L}.-]+)\b,? (?:Urt\.|Beschl\.|Urteil|Beschluss)(?: v\.| vom) (?<date>\d{1,2}\. ?\d{1,2}\. ?\d{4}|\d{1,2}\. [\p{L}]+ \d{4})",
        RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex GermanDecision();

    // a statute: "Human Rights Act 1998, s 3", "Civil Rights Act of 1964"
    [GeneratedRegex(@"^(?<title>(?:[A-Z][\w'’()-]*\s){1,8}Act(?: of)? (?<year>" + Year + @"))(?:,? (?:s|ss|sch|pt|art|§)\.? ?\d[\w()]*)?\.?$",
        RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex Statute();

    // a leading footnote or list number: "1 ", "7. ", "[3] "
    [GeneratedRegex(@"^\s*(?:\[\d{1,4}\]|\d{1,4}[.)]?)\s+(?=\S)", RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex LeadingNumber();

    /// <summary>Where the reference proper begins: after a leading note or list number ("3. ", "[12] ", "8 ") and any
    /// blanks (<see cref="NoteSignal"/> blanks superscript numbers and "Vgl."). The passes that read a whole reference
    /// by its shape anchor there.</summary>
    internal static int BodyStart(string text)
    {
        var lead = LeadingNumber().Match(text);
        int s = lead.Success ? lead.Length : 0;
        while (s < text.Length && char.IsWhiteSpace(text[s]))
        {
            s++;
        }

        return s;
    }

    public static void Relabel(string text, List<RefToken> tokens, int[] labels, int count)
    {
        if (count == 0 || !HasDigit(text))
        {
            return;
        }

        var lead = LeadingNumber().Match(text);
        int s0 = lead.Success ? lead.Length : 0;
        if (Statute().Match(text, s0, text.Length - s0) is { Success: true } st && st.Index == s0) // range overload: "^" anchors at s0
        {
            SetNumber(tokens, labels, count, lead);
            LabelSpans.Set(tokens, labels, count, s0, text.Length, TagLabels.O);
            LabelSpans.Set(tokens, labels, count, st.Groups["title"].Index, st.Groups["title"].Index + st.Groups["title"].Length, TagLabels.Title);
            // the year is part of the act's name; the assembler takes dates from date tokens only, so none is set
            return;
        }

        Match m = Match.Empty;
        for (int k = 0; k < 5 && !m.Success; k++)
        {
            m = k switch
            {
                0 => UsReporter().Match(text, s0),
                1 => UkJournal().Match(text, s0),
                2 => UkReport().Match(text, s0),
                3 => GermanReporter().Match(text, s0),
                _ => GermanJournal().Match(text, s0),
            };
            if (k == 0 && m.Success && !m.Groups["rep"].Value.Contains('.', StringComparison.Ordinal))
            {
                m = Match.Empty; // US reporters and law reviews are abbreviated with full stops ("U.S.", "Harv. L. Rev.")
            }

            if (k == 4 && m.Success && !IsGermanJournalCitation(text, m))
            {
                m = Match.Empty;
            }
        }

        if (!m.Success)
        {
            FootnoteBook(text, tokens, labels, count, lead, s0);
            return;
        }

        SetNumber(tokens, labels, count, lead);
        int[] before = labels[..count];

        // the citation itself: abbreviation, volume, page, year; brackets, pinpoints and courts are no field
        int citeEnd = m.Index + m.Length;
        string rest = text[citeEnd..];
        var tail = Regex.Match(rest, @"^(?:\s?\(\d{1,5}(?:[-–]\d{1,5})?\)|,\s?\d{1,5}(?:[-–]\d{1,5})?|\s?\([A-Z][\w .]{0,20}\))*", RegexOptions.CultureInvariant, RegexPolicy.Timeout);
        citeEnd += tail.Length;
        LabelSpans.Set(tokens, labels, count, m.Index, citeEnd, TagLabels.O);
        LabelSpans.Set(tokens, labels, count, m.Groups["rep"], TagLabels.Container);
        LabelSpans.Set(tokens, labels, count, m.Groups["vol"], TagLabels.Volume);
        LabelSpans.Set(tokens, labels, count, m.Groups["page"], TagLabels.Pages);
        LabelSpans.Set(tokens, labels, count, m.Groups["year"], TagLabels.Date);

        // after the citation: German "– Volkszählung" names the decision
        var after = Regex.Match(text[citeEnd..], @"^\s*[–-]\s*(?<name>[\p{Lu}][\p{L}\d -]{0,60}?)\s*\.?\s*$", RegexOptions.CultureInvariant, RegexPolicy.Timeout);
        LabelSpans.Set(tokens, labels, count, citeEnd, text.Length, TagLabels.O);

        // before it: a decision, a case name, or "Authors, Title"
        int headEnd = m.Index;
        while (headEnd > s0 && (char.IsWhiteSpace(text[headEnd - 1]) || text[headEnd - 1] == ','))
        {
            headEnd--;
        }

        if (headEnd <= s0)
        {
            return;
        }

        LabelSpans.Set(tokens, labels, count, s0, headEnd, TagLabels.O);
        string head = text[s0..headEnd];
        if (GermanDecision().Match(head) is { Success: true } dec)
        {
            LabelSpans.Set(tokens, labels, count, s0 + dec.Groups["date"].Index, s0 + dec.Groups["date"].Index + dec.Groups["date"].Length, TagLabels.Date);
            LabelSpans.Set(tokens, labels, count, m.Groups["year"], TagLabels.O); // the decision's day is the date
            if (after.Success)
            {
                var name = after.Groups["name"];
                LabelSpans.Set(tokens, labels, count, citeEnd + name.Index, citeEnd + name.Index + name.Length, TagLabels.Title);
            }

            return;
        }

        if (IsCaseName(head))
        {
            LabelSpans.Set(tokens, labels, count, s0, headEnd, TagLabels.Title);
            return;
        }

        if (TaggerReadAuthorsThenTitle(tokens, before, count, s0, headEnd, s0 + head.IndexOf(", ", StringComparison.Ordinal)))
        {
            // the tagger read the head as names past the first comma and then a title ("George Waldbusser, Ryan
            // Steenson & Mark Green, Oyster Shell …"): its boundary stands; the split at the first comma below would
            // take the later names as the title
            RestoreHead(tokens, labels, before, count, s0, headEnd);
            return;
        }

        // "Given Family & Given Family, Title" / "Family, 'Title'" / "Larenz/Canaris, Title"
        int comma = head.IndexOf(", ", StringComparison.Ordinal);
        if (comma <= 0 || !LooksLikeNames(head[..comma]))
        {
            LabelSpans.Set(tokens, labels, count, s0, headEnd, TagLabels.Title);
            return;
        }

        LabelNames(text, tokens, labels, count, s0, s0 + comma);
        int ts = s0 + comma + 2;
        int te = headEnd;
        while (ts < te && text[ts] is '\'' or '‘' or '"' or '“')
        {
            ts++;
        }

        while (te > ts && text[te - 1] is '\'' or '’' or '"' or '”' or ',')
        {
            te--;
        }

        LabelSpans.Set(tokens, labels, count, ts, te, TagLabels.Title);
    }

    // "Lawrence Lessig, Code and Other Laws of Cyberspace (1999).", "Ronald Dworkin, Taking Rights Seriously (Duckworth 1977), 22."
    [GeneratedRegex(@"^(?<auth>[\p{Lu}][\p{L}'’.-]*(?: (?:[\p{Lu}][\p{L}'’.-]*|van|von|de|der)){1,4}(?:(?: & | and )[\p{Lu}][\p{L}'’.-]*(?: (?:[\p{Lu}][\p{L}'’.-]*|van|von|de|der)){1,4}){0,3}), (?<title>[^()""“”‘’]{2,200}?) \((?:(?<pub>[^()\d:]{2,80}?),? )?(?<year>" + Year + @")\)(?:, \d{1,5}(?:[-–]\d{1,5})?)?\.?\s*$",
        RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex BookNote();

    /// <summary>A book in a footnote, "Given Family, Title (Publisher YEAR)" (the whole reference of this shape; a
    /// colon in the brackets, Chicago's "(Place: Publisher, YEAR)", is left to the tagger): the names before the first
    /// comma are the authors, the rest the title.</summary>
    private static void FootnoteBook(string text, List<RefToken> tokens, int[] labels, int count, Match lead, int s0)
    {
        int s = 0;
        while (s < count && tokens[s].Start < s0)
        {
            s++;
        }

        if (s >= count || BookNote().Match(text, s0, text.Length - s0) is not { Success: true } b || b.Index != s0 || !IsFootnoteBook(text, tokens, labels, count, b))
        {
            return;
        }

        SetNumber(tokens, labels, count, lead);
        LabelSpans.Set(tokens, labels, count, s0, text.Length, TagLabels.O);
        LabelNames(text, tokens, labels, count, s0, b.Groups["auth"].Index + b.Groups["auth"].Length);
        LabelSpans.Set(tokens, labels, count, b.Groups["title"], TagLabels.Title);
        LabelSpans.Set(tokens, labels, count, b.Groups["pub"], TagLabels.Publisher);
        LabelSpans.Set(tokens, labels, count, b.Groups["year"], TagLabels.Date);
    }

    /// <summary>Gate of the footnote-book reading (evidence from the reference and the tagger): a book title has no
    /// numbers ("X.-G. Wen, Phys. Rev. Lett. 66, 802 (1991)" is a journal article in physics style), the tagger found
    /// no journal details anywhere (container, volume, issue, pages) and no publisher or place inside the would-be
    /// title ("…, Fractal concepts in surface growth, Cambridge University Press (1995)").</summary>
    private static bool IsFootnoteBook(string text, List<RefToken> tokens, int[] labels, int count, Match b)
    {
        var title = b.Groups["title"];
        if (HasDigit(title.Value))
        {
            return false;
        }

        for (int t = 0; t < count; t++)
        {
            int label = labels[t];
            if (label is TagLabels.Container or TagLabels.Volume or TagLabels.Issue or TagLabels.Pages)
            {
                return false;
            }

            if (label is TagLabels.Publisher or TagLabels.Location && tokens[t].Start >= title.Index && tokens[t].End <= title.Index + title.Length)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Gate of the German journal form "NJW 1984, 398": the abbreviation is the whole journal name (not the end
    /// of a longer abbreviated one, "Proc. Natl. Acad. Sci. USA 2009, 106, 14271–14275") and the first page is
    /// not followed by another number or a page range, which is the scholarly "Journal Year, Volume, Pages" form
    /// ("JVdGSA 10 (1973), 29-").</summary>
    private static bool IsGermanJournalCitation(string text, Match m)
    {
        int r = m.Groups["rep"].Index;
        if (r >= 2 && text[r - 1] == ' ' && text[r - 2] == '.')
        {
            return false;
        }

        int e = m.Index + m.Length;
        while (e < text.Length && text[e] == ' ')
        {
            e++;
        }

        if (e < text.Length && text[e] is '-' or '–')
        {
            return false;
        }

        return !(e + 2 < text.Length && text[e] == ',' && char.IsAsciiDigit(text[e + (text[e + 1] == ' ' ? 2 : 1)]));
    }

    /// <summary>The tagger's own labels read [from, to) as a name run (author labels from its first word) that goes on
    /// past the first comma (<paramref name="firstComma"/>; none: -1 + from) followed by a title run that reaches the
    /// end of the head.</summary>
    private static bool TaggerReadAuthorsThenTitle(List<RefToken> tokens, int[] labels, int count, int from, int to, int firstComma)
    {
        if (firstComma < from)
        {
            return false;
        }

        int t = 0;
        while (t < count && tokens[t].Start < from)
        {
            t++;
        }

        if (t >= count || labels[t] != TagLabels.AuthorB)
        {
            return false;
        }

        bool pastComma = false;
        while (t < count && tokens[t].End <= to && labels[t] is TagLabels.AuthorB or TagLabels.Author or TagLabels.O)
        {
            pastComma |= tokens[t].Start > firstComma && labels[t] is TagLabels.AuthorB or TagLabels.Author;
            t++;
        }

        if (!pastComma)
        {
            return false;
        }

        if (t >= count || tokens[t].End > to || labels[t] != TagLabels.Title)
        {
            return false;
        }

        int last = t;
        for (; t < count && tokens[t].End <= to; t++)
        {
            if (labels[t] is not (TagLabels.Title or TagLabels.O))
            {
                return false;
            }

            last = t;
        }

        return labels[last] == TagLabels.Title || (last > 0 && labels[last - 1] == TagLabels.Title);
    }

    private static void RestoreHead(List<RefToken> tokens, int[] labels, int[] before, int count, int from, int to)
    {
        for (int t = 0; t < count; t++)
        {
            if (tokens[t].Start >= from && tokens[t].End <= to)
            {
                labels[t] = before[t];
            }
        }
    }

    private static bool HasDigit(string text)
    {
        foreach (char c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Brown v. Board of Education", "Donoghue v Stevenson", "R v Brown", "Roe vs. Wade".</summary>
    private static bool IsCaseName(string head) =>
        Regex.IsMatch(head, @"^(?:In re |Ex parte )?[\p{Lu}][\p{L}'’.&,\- ]{0,80}? (?:v\.|v|vs\.?) [\p{Lu}][\p{L}\d'’.&,\- ]{0,120}$", RegexOptions.CultureInvariant, RegexPolicy.Timeout)
        || head.StartsWith("In re ", StringComparison.Ordinal);

    /// <summary>Persons before the title: "Samuel D. Warren &amp; Louis D. Brandeis", "HLA Hart", "Simitis", "Larenz/Canaris".</summary>
    private static bool LooksLikeNames(string s)
    {
        var parts = Regex.Split(s, @"\s*(?:&|/| and | und |, )\s*", RegexOptions.CultureInvariant, RegexPolicy.Timeout);
        foreach (string p in parts)
        {
            var words = p.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is 0 or > 5)
            {
                return false;
            }

            foreach (string w in words)
            {
                if (!char.IsUpper(w[0]) && w is not ("van" or "von" or "de" or "der" or "du" or "da" or "del"))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Labels the persons in [from, to): each one's first word author-B, the rest author, separators other.</summary>
    internal static void LabelNames(string text, List<RefToken> tokens, int[] labels, int count, int from, int to)
    {
        bool startOfPerson = true;
        for (int t = 0; t < count; t++)
        {
            var tok = tokens[t];
            if (tok.Start < from || tok.Start >= to)
            {
                continue;
            }

            var w = text.AsSpan(tok.Start, tok.Length);
            bool sep = (tok.Kind == RefTokenKind.Punct && text[tok.Start] is '&' or '/' or ',') || w is "and" or "und";
            if (sep)
            {
                labels[t] = TagLabels.O;
                startOfPerson = true;
                continue;
            }

            labels[t] = startOfPerson ? TagLabels.AuthorB : TagLabels.Author;
            startOfPerson = false;
        }
    }

    private static void SetNumber(List<RefToken> tokens, int[] labels, int count, Match lead)
    {
        if (lead.Success)
        {
            LabelSpans.Set(tokens, labels, count, 0, lead.Length, TagLabels.O);
            for (int t = 0; t < count && tokens[t].Start < lead.Length; t++)
            {
                if (tokens[t].Kind == RefTokenKind.Number)
                {
                    labels[t] = TagLabels.CitationNumber;
                }
            }
        }
    }
}
