namespace SourceCheck.References.Parsing;

/// <summary>Rule pass after decoding (issue 14): Chicago and MLA open with one inverted name and a full stop —
/// "Anderson, Benedict. Imagined Communities: Reflections on …" — and the tagger sometimes carries the author on
/// into the title's first words ("Anderson, Benedict. Imagined Communities" as the author, "Reflections on …" as
/// the title). When the reference opens with "Family, Given[ Given|I.]." (a given name of two or more letters, so
/// "Smith, J. …" lists are not touched) and author labels go on past that full stop straight into a title, the
/// words after the full stop are the title.</summary>
internal static class InvertedAuthorRun
{
    public static void Relabel(string text, List<RefToken> tokens, int[] labels, int count)
    {
        int s = 0;
        while (s < count && (labels[s] == TagLabels.CitationNumber || tokens[s].Kind == RefTokenKind.Punct) && s < 4)
        {
            s++;
        }

        // Family[ Family] , Given [Given | I .]{0,2} .
        int t = s;
        int family = 0;
        while (t < count && family < 3 && IsCapitalisedWord(text, tokens[t]))
        {
            t++;
            family++;
        }

        if (family == 0 || t >= count || !tokens[t].IsPunct(text, ',') || t + 1 >= count || !IsCapitalisedWord(text, tokens[t + 1]) || tokens[t + 1].Length < 2)
        {
            return;
        }

        t += 2;
        for (int more = 0; more < 2 && t < count && IsCapitalisedWord(text, tokens[t]); more++)
        {
            t++; // "Mark S." / "Danielle Keats"
        }

        // the full stop must end a written-out given name: after an initial ("Hans E. Suess") the name goes on
        if (t >= count || !tokens[t].IsPunct(text, '.') || t + 1 >= count || tokens[t - 1].Length < 2)
        {
            return;
        }

        int from = t + 1;
        if (labels[from] is not (TagLabels.Author or TagLabels.AuthorB) || !IsCapitalisedWord(text, tokens[from]))
        {
            return;
        }

        int end = from;
        while (end < count && (labels[end] is TagLabels.Author or TagLabels.AuthorB || (tokens[end].Kind == RefTokenKind.Punct && labels[end] == TagLabels.O)))
        {
            end++;
        }

        if (end >= count || labels[end] != TagLabels.Title)
        {
            return;
        }

        labels[t] = TagLabels.O;
        for (int k = from; k < end; k++)
        {
            labels[k] = TagLabels.Title;
        }
    }

    private static bool IsCapitalisedWord(string text, RefToken tok) => tok.Kind == RefTokenKind.Word && char.IsUpper(text[tok.Start]);
}
