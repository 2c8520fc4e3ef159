namespace SourceCheck.References.Parsing;

/// <summary>Rule pass after decoding (issue 14, session 11): a title in quotation marks is whole. IEEE, MLA and
/// Chicago put the title in quotes with its closing comma or full stop inside them — "[2] C. Metz, “In two moves,
/// AlphaGo and Lee Sedol redefined the future,” Wired, …" — and the tagger sometimes ends the title at a comma
/// inside ("In two moves") and reads the rest as the container. When the tagger began the title at the first word
/// inside the first pair of quotation marks, every token up to the closing mark is the title (the comma or full
/// stop just before the closing mark is punctuation); so does a title the tagger interrupted at punctuation inside the
/// quotes ("“U.S., British intelligence …,”" read as "U.S"). Nothing changes when the tagger put the title elsewhere.</summary>
internal static class QuotedTitle
{
    public static void Relabel(string text, List<RefToken> tokens, int[] labels, int count)
    {
        int open = text.AsSpan(0, Math.Min(text.Length, 300)).IndexOfAny('“', '"');
        if (open < 0)
        {
            return;
        }

        char closeMark = text[open] == '“' ? '”' : '"';
        int close = text.IndexOf(closeMark, open + 1);
        if (close < 0 || close - open > 400)
        {
            return;
        }

        int first = 0;
        while (first < count && tokens[first].Start <= open)
        {
            first++;
        }

        if (first >= count || tokens[first].Start >= close || labels[first] != TagLabels.Title)
        {
            return;
        }

        int last = first; // the last token inside the quotes
        bool other = false;
        bool gap = false; // punctuation left out between title words ("“U.S., British intelligence …”": the title ended at "U.S")
        bool punctSinceTitle = false;
        while (last + 1 < count && tokens[last + 1].Start < close)
        {
            last++;
            other |= labels[last] != TagLabels.Title && !(tokens[last].Kind == RefTokenKind.Punct && labels[last] == TagLabels.O);
            gap |= punctSinceTitle && labels[last] == TagLabels.Title;
            punctSinceTitle = labels[last] != TagLabels.Title && (punctSinceTitle || labels[last - 1] == TagLabels.Title);
        }

        other |= gap;

        if (!other)
        {
            return;
        }

        int end = last;
        if (tokens[end].Kind == RefTokenKind.Punct && text[tokens[end].Start] is ',' or '.' or ';' && end > first)
        {
            labels[end] = TagLabels.O;
            end--;
        }

        for (int t = first; t <= end; t++)
        {
            labels[t] = TagLabels.Title;
        }
    }
}
