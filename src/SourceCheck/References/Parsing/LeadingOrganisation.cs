namespace SourceCheck.References.Parsing;

/// <summary>Rule pass after decoding (issue 14): an organisation that opens the reference is its author —
/// "World Health Organization. (2020). Title…", "Office for National Statistics (2022) Title…", "Open Science
/// Collaboration. Title. Science. 2015;…" — even where the tagger took it for the title, a publisher or a note
/// (organisation names look like titles to it). The opening words count only when they read as an organisation
/// (<see cref="NameText.IsOrganisationName(string)"/>) and end at a date in brackets, or, without a date, at a
/// sentence end followed by the title. When the opening was taken as the title, the part after the date becomes
/// the title.</summary>
internal static class LeadingOrganisation
{
    private const int MaxWords = 16;

    public static void Relabel(string text, List<RefToken> tokens, int[] labels, int count)
    {
        int s = 0;
        while (s < count && (labels[s] == TagLabels.CitationNumber || (tokens[s].Kind == RefTokenKind.Punct && s < 4)))
        {
            s++;
        }

        if (s >= count || tokens[s].Kind != RefTokenKind.Word || !char.IsUpper(text[tokens[s].Start]))
        {
            return;
        }

        // the opening run: up to "(" + year / "(n.d.)" or to the first full stop
        int e = s;
        int depth = 0;
        bool dated = false;
        bool bareYear = false;
        for (; e < count && e - s < MaxWords * 2; e++)
        {
            var tok = tokens[e];
            if (labels[e] is TagLabels.AuthorB or TagLabels.Author or TagLabels.EditorB or TagLabels.Editor)
            {
                return; // the tagger found a name list: the assembler decides
            }

            if (tok.Kind == RefTokenKind.Number && e > s && e + 1 < count && IsYearOrNoDate(text, tok)
                && tokens[e + 1].Kind == RefTokenKind.Punct && text[tokens[e + 1].Start] == ',')
            {
                // Australian Harvard: "Australian Bureau of Statistics 2022, Snapshot of Australia, ABS, …"
                dated = true;
                bareYear = true;
                break;
            }

            if (tok.Kind != RefTokenKind.Punct)
            {
                continue;
            }

            char c = text[tok.Start];
            if (c == '(' && e + 1 < count && IsYearOrNoDate(text, tokens[e + 1]))
            {
                dated = true;
                break;
            }

            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (c is ',' or ':' or ';' or '“' or '"' or '‘')
            {
                return;
            }
            else if (c == '.' && depth == 0 && e + 1 < count && (tokens[e + 1].SpaceBefore || text[tokens[e + 1].Start] == '('))
            {
                dated = e + 2 < count && text[tokens[e + 1].Start] == '(' && IsYearOrNoDate(text, tokens[e + 2]);
                break;
            }
        }

        if (e >= count || e == s)
        {
            return;
        }

        string opening = text[tokens[s].Start..tokens[e - 1].End];
        int openingLabel = labels[s];
        bool uniform = true;
        for (int t = s; t < e; t++)
        {
            uniform &= labels[t] == openingLabel || tokens[t].Kind == RefTokenKind.Punct;
        }

        bool titleElsewhere = false;
        for (int t = bareYear ? e + 1 : e; t < count; t++)
        {
            titleElsewhere |= labels[t] == TagLabels.Title;
        }

        // an outlet the tagger itself read as a container, before a bracketed year and a title ("The Guardian (2019)
        // 'Why …'", "Der Spiegel (2020) …"): the author even where its words are no organisation words
        bool outlet = uniform && openingLabel == TagLabels.Container && dated && !bareYear && titleElsewhere && IsOutletName(opening);
        if (!outlet && !NameText.IsOrganisationName(opening) && !(dated && !bareYear && e == s + 1 && IsAcronym(opening)))
        {
            return; // an acronym alone counts only before a date: "OECD. (2019).", "WHO (2020)"
        }

        // a container only before a date and a title ("BBC News (2016) Brexit: …"); "Journal of General Virology
        // (2002), 83, 2475–2483" (a journal first, no title) stays the container
        if (!uniform || !(openingLabel is TagLabels.Title or TagLabels.Note or TagLabels.Publisher or TagLabels.Location or TagLabels.O
            || (openingLabel == TagLabels.Container && dated && titleElsewhere)))
        {
            return;
        }

        if (bareYear)
        {
            labels[e] = TagLabels.Date;
        }

        // without a date only a note or a second title before the title is moved ("Open Science Collaboration.")
        if (!dated && !(openingLabel == TagLabels.Note && titleElsewhere) && !(openingLabel == TagLabels.Title && titleElsewhere))
        {
            return;
        }

        for (int t = s; t < e; t++)
        {
            labels[t] = t == s ? TagLabels.AuthorB : TagLabels.Author;
        }

        if (!titleElsewhere && dated)
        {
            TitleAfterDate(text, tokens, labels, count, e, bracketed: !bareYear);
        }
    }

    /// <summary>The first run after the bracketed date (or the bare year at <paramref name="from"/>) that the tagger gave a container, publisher or note label
    /// becomes the title ("… Research. (2021). Southern Nevada Economy. https://…").</summary>
    internal static void TitleAfterDate(string text, List<RefToken> tokens, int[] labels, int count, int from, bool bracketed = true)
    {
        int t = bracketed ? from : from + 1;
        while (bracketed && t < count && (text[tokens[t].Start] != ')' || tokens[t].Kind != RefTokenKind.Punct))
        {
            t++;
        }

        while (t < count && (tokens[t].Kind == RefTokenKind.Punct || labels[t] == TagLabels.O))
        {
            t++;
        }

        if (t >= count || labels[t] is not (TagLabels.Container or TagLabels.Publisher or TagLabels.Note))
        {
            return;
        }

        int label = labels[t];
        for (; t < count && (labels[t] == label || (tokens[t].Kind == RefTokenKind.Punct && t + 1 < count && labels[t + 1] == label)); t++)
        {
            labels[t] = TagLabels.Title;
        }
    }

    /// <summary>One to five words, each capitalised or a short joining word ("of", "de", "der"), none an initial: how
    /// an outlet's name reads ("The Guardian", "Die Zeit", "Le Monde"), not a person's ("Smith, J.").</summary>
    private static bool IsOutletName(string s)
    {
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 1 or > 5)
        {
            return false;
        }

        foreach (string w in words)
        {
            bool joining = w is "of" or "de" or "der" or "des" or "la" or "le" or "di" or "and" or "&";
            if (!joining && (w.Length < 2 || !char.IsUpper(w[0]) || w.EndsWith('.') || !w.Skip(1).All(c => char.IsLetter(c) || c is '-' or '\'' or '’' || char.IsDigit(c))))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAcronym(string s)
    {
        if (s.Length is < 3 or > 8)
        {
            return false;
        }

        foreach (char c in s)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"Copernicus Climate Change Service (2024): Global Climate Highlights 2023, 9 January 2024.": after a
    /// bracketed year and a colon, with no title found anywhere, the run the tagger took for a container, publisher
    /// or note is the title.</summary>
    public static void TitleAfterYearColon(string text, List<RefToken> tokens, int[] labels, int count)
    {
        if (Array.IndexOf(labels, TagLabels.Title, 0, count) >= 0)
        {
            return;
        }

        for (int t = 1; t + 2 < count; t++)
        {
            if (tokens[t].Kind == RefTokenKind.Number && tokens[t].Length == 4 && text[tokens[t - 1].Start] == '(' && tokens[t - 1].Kind == RefTokenKind.Punct
                && text[tokens[t + 1].Start] == ')' && text[tokens[t + 2].Start] == ':' && tokens[t + 2].Kind == RefTokenKind.Punct)
            {
                TitleAfterDate(text, tokens, labels, count, t);
                return;
            }
        }
    }

    private static bool IsYearOrNoDate(string text, RefToken tok)
    {
        var s = text.AsSpan(tok.Start, tok.Length);
        if (tok.Kind == RefTokenKind.Number)
        {
            return s.Length == 4 && s[0] is '1' or '2';
        }

        return tok.Kind == RefTokenKind.Word && (s is "n" or "o" or "s") && tok.End < text.Length && text[tok.End] == '.';
    }
}
