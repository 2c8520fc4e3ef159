namespace SourceCheck.References.Parsing;

/// <summary>Rule pass after decoding (issue 14, session 11): the names that open a reference are its editors when
/// a role mark in brackets follows them directly — Dutch "Dekker, P., &amp; de Hart, J. (Red.). (2009).", French
/// "(dir.)", "(coord.)", German "(Hrsg.)"/"(Hg.)", English "(Ed.)"/"(Eds.)". The tagger knows the English and
/// German marks from training; the others it reads as authors. AMA and Vancouver write the mark without brackets
/// after a comma ("Kasper DL, …, Loscalzo J, eds."); the names may then be part author, part editor to the tagger. The evidence is the mark itself, right after the
/// opening name run the tagger found.</summary>
internal static class RoleAfterNames
{
    public static void Relabel(string text, List<RefToken> tokens, int[] labels, int count)
    {
        int first = 0;
        while (first < count && labels[first] is TagLabels.O or TagLabels.CitationNumber)
        {
            first++;
        }

        if (first >= count || labels[first] != TagLabels.AuthorB)
        {
            return;
        }

        int end = first;
        while (end < count && labels[end] is TagLabels.AuthorB or TagLabels.Author or TagLabels.EditorB or TagLabels.Editor)
        {
            end++;
        }

        // the run may have taken the mark in: step back over "(", a role word and "." / ")"
        int k = end;
        while (k > first && (tokens[k - 1].Kind == RefTokenKind.Punct || IsRole(text, tokens[k - 1])))
        {
            k--;
        }

        // "( Red . )" right after the names (the tagger may have labelled the mark as name or other)
        int p = k;
        while (p < count && p < k + 2 && tokens[p].Kind == RefTokenKind.Punct && text[tokens[p].Start] != '(')
        {
            p++; // a comma or full stop after the last name
        }

        int close;
        if (k + 2 < count && tokens[k].IsPunct(text, ',') && IsBareRole(text, tokens[k + 1]) && tokens[k + 2].IsPunct(text, '.'))
        {
            close = k + 2; // AMA/Vancouver without brackets: "Kasper DL, Fauci AS, …, Loscalzo J, eds. Title."
        }
        else
        {
            if (p + 2 >= count || !tokens[p].IsPunct(text, '(') || !IsRole(text, tokens[p + 1]))
            {
                return;
            }

            close = p + 2;
            if (close < count && tokens[close].IsPunct(text, '.'))
            {
                close++;
            }

            if (close >= count || !tokens[close].IsPunct(text, ')'))
            {
                return;
            }
        }

        for (int t = first; t < k; t++)
        {
            labels[t] = labels[t] switch
            {
                TagLabels.AuthorB => TagLabels.EditorB,
                TagLabels.Author => TagLabels.Editor,
                _ => labels[t],
            };
        }

        for (int t = k; t <= close; t++)
        {
            labels[t] = TagLabels.O;
        }

        // an edited book: "Editors (Red.). (1993). Title. Publisher." — with no title found, the first container
        // run after the mark is the book's title
        if (Array.IndexOf(labels, TagLabels.Title, 0, count) >= 0)
        {
            return;
        }

        int c = close + 1;
        while (c < count && labels[c] != TagLabels.Container)
        {
            c++;
        }

        for (; c < count && labels[c] == TagLabels.Container; c++)
        {
            labels[c] = TagLabels.Title;
        }
    }

    private static bool IsBareRole(string text, RefToken tok) =>
        tok.Kind == RefTokenKind.Word && text.AsSpan(tok.Start, tok.Length) is "eds" or "Eds" or "ed" or "Ed" or "Hrsg" or "Hg";

    private static bool IsRole(string text, RefToken tok) =>
        tok.Kind == RefTokenKind.Word && text.AsSpan(tok.Start, tok.Length) is "Red" or "red" or "Reds" or "dir" or "Dir" or "coord" or "Coord"
            or "Hrsg" or "Hg" or "Ed" or "Eds" or "ed" or "eds" or "éd" or "éds" or "Éd" or "Éds" or "Coords" or "coords" or "Comp" or "comp" or "Comps" or "comps";
}
