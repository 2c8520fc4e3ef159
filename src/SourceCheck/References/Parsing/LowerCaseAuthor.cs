namespace SourceCheck.References.Parsing;

/// <summary>Rule pass after decoding (issue 14, session 13): authors who write their name in lower case — "boyd, d.
/// (2014). It's complicated…", "hooks, bell. Black Looks…" — look like no name to the tagger, which leaves them
/// unlabelled (or calls the first word a note). An opening "word, given." of letters only, right before a bracketed
/// year or a token the tagger took for the date or the title, is the author; with no title found, the run after the
/// date is the title.</summary>
internal static class LowerCaseAuthor
{
    private const int MaxGivenTokens = 6;

    public static void Relabel(string text, List<RefToken> tokens, int[] labels, int count)
    {
        int s = 0;
        while (s < count && labels[s] == TagLabels.CitationNumber)
        {
            s++;
        }

        if (s + 3 >= count || tokens[s].Kind != RefTokenKind.Word || !char.IsLower(text[tokens[s].Start]) || tokens[s].Length < 2
            || labels[s] is not (TagLabels.O or TagLabels.Note) || !IsLetters(text, tokens[s])
            || tokens[s + 1].Kind != RefTokenKind.Punct || text[tokens[s + 1].Start] != ',')
        {
            return;
        }

        // the given names: words of letters, each optionally followed by a full stop, up to the final full stop
        int e = s + 2;
        int words = 0;
        int end = -1;
        while (e < count && e - s - 2 < MaxGivenTokens && labels[e] == TagLabels.O)
        {
            if (tokens[e].Kind == RefTokenKind.Word && IsLetters(text, tokens[e]) && tokens[e].Length <= 12)
            {
                words++;
            }
            else if (tokens[e].Kind == RefTokenKind.Punct && text[tokens[e].Start] == '.' && words > 0)
            {
                end = e;
                if (e + 1 < count && tokens[e + 1].Kind == RefTokenKind.Word && labels[e + 1] == TagLabels.O && IsLetters(text, tokens[e + 1])
                    && tokens[e + 1].Length <= 2)
                {
                    e++;
                    continue; // "d. m." — another initial
                }

                break;
            }
            else
            {
                return;
            }

            e++;
        }

        if (end < 0 || end + 1 >= count)
        {
            return;
        }

        int next = end + 1;
        bool dateNext = labels[next] == TagLabels.Date
            || (tokens[next].Kind == RefTokenKind.Punct && text[tokens[next].Start] == '(' && next + 1 < count && labels[next + 1] == TagLabels.Date);
        if (!dateNext && labels[next] != TagLabels.Title)
        {
            return;
        }

        labels[s] = TagLabels.AuthorB;
        for (int t = s + 1; t < end; t++)
        {
            labels[t] = TagLabels.Author;
        }

        // the tagger, missing the name, often shifted the rest: with no title anywhere, the run after the date is it
        if (dateNext && Array.IndexOf(labels, TagLabels.Title, 0, count) < 0)
        {
            LeadingOrganisation.TitleAfterDate(text, tokens, labels, count, next, bracketed: tokens[next].Kind == RefTokenKind.Punct);
        }
    }

    private static bool IsLetters(string text, RefToken tok)
    {
        foreach (char c in text.AsSpan(tok.Start, tok.Length))
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
